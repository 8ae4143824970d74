"""Run when the directory (or a zip file made of it) is given as the program."""
import sys

print("name:", __name__, "spec:", __spec__.name, "file:", __file__)
print("argv:", sys.argv, "path0:", sys.path[0])
