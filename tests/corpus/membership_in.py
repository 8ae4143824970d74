# in / not in across builtin containers and the __contains__ / __iter__ / __getitem__ fallbacks.


class C:
    def __contains__(self, x):
        print("  __contains__", x)
        return x == 3


class It:
    def __iter__(self):
        print("  __iter__")
        return iter([1, 2, 3])


class GI:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i * 10


class Truthy:
    def __contains__(self, x):
        return "yes"


def member(x, c):
    try:
        return x in c, x not in c
    except TypeError as e:
        return f"TypeError: {e}"


for _ in range(3):
    cases = [(1, [1, 2]), (3, (1, 2)), ("b", "abc"), ("bc", "abc"), ("", "x"), (2, {2: 0}), (2, {2}), (1.0, [1]),
             (5, range(0, 10, 5)), (10 ** 20, range(10 ** 21)), (3, C()), (4, C()), (2, It()), (20, GI()), (25, GI()),
             (1, Truthy()), (1, 5), ([1], {1: 1}), (b"a", b"cat"), (97, b"cat"), (None, [None]), ("k", {"k": 1}.keys()),
             (1, {"k": 1}.values()), (("k", 1), {"k": 1}.items())]
    for x, c in cases:
        print(repr(x), type(c).__name__, member(x, c))
