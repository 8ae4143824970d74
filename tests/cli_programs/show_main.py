"""Prints what a program can see of how it was started; hotwire must show exactly what python shows."""
import dataclasses
import pickle
import sys


@dataclasses.dataclass
class Point:
    x: int
    y: int


def loader_name(loader):
    return loader.__name__ if isinstance(loader, type) else type(loader).__name__


print("argv:", sys.argv)
print("path:", sys.path)
print("name:", __name__, "package:", __package__, "spec:", __spec__ and __spec__.name)
print("file:", globals().get("__file__"), "cached:", globals().get("__cached__"))
print("loader:", loader_name(__loader__), "builtins:", type(__builtins__).__name__)
print("globals:", list(globals()))
print("main module:", sys.modules["__main__"].__dict__ is globals())
print("pickled:", pickle.loads(pickle.dumps(Point(1, 2))))
