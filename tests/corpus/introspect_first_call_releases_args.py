# A function's arguments die when the function drops them, also in the call that makes it hot.
# Found by CPython's test_contextlib (test_nokeepref): reading the first call's argument types through
# frame.f_locals stored a dict of the locals on the frame, which kept the arguments alive after the
# function rebound or deleted them (weakrefs stayed alive, __del__ ran late).
# The plain functions are called once: in later calls a compiled callee's arguments stay alive until
# it returns, because its caller owns them (a known limit, docs/architecture.md).
import gc
import weakref
from contextlib import contextmanager


class Tracked:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("  freed", self.name)


def drops_argument(obj):
    ref = weakref.ref(obj)
    del obj
    print("  alive after del:", ref() is not None)
    return ref


def rebinds_argument(obj, other):
    obj = weakref.ref(obj)
    other = weakref.ref(other)
    gc.collect()
    print("  alive after rebinding:", obj() is not None, other() is not None)


def generator(obj):
    obj = weakref.ref(obj)
    gc.collect()
    print("  alive in generator:", obj() is not None)
    yield 1


@contextmanager
def context(a, b):
    a = weakref.ref(a)
    b = weakref.ref(b)
    gc.collect()
    print("  alive in context manager:", a() is not None, b() is not None)
    yield


def main():
    drops_argument(Tracked("d"))
    rebinds_argument(Tracked("r1"), Tracked("r2"))
    for round_ in range(3):
        print("round", round_)
        for _ in generator(Tracked("g")):
            pass
        with context(Tracked("c1"), b=Tracked("c2")):
            pass


main()
