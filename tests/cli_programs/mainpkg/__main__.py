"""Run by `-m mainpkg`."""
import sys

print("name:", __name__, "spec:", __spec__.name, "package:", __package__)
print("argv:", sys.argv, "path0:", sys.path[0])
print("main module:", sys.modules["__main__"].__dict__ is globals())
