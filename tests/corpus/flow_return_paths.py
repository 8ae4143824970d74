# Functions returning from many places: early returns, implicit None, returns inside loops and with.
import contextlib


def sign(x):
    if x > 0:
        return 1
    if x < 0:
        return -1


def first_even(xs):
    for x in xs:
        if x % 2 == 0:
            return x


def in_with(x):
    with contextlib.nullcontext():
        if x:
            return "inside with"
    return "after with"


def nothing():
    pass


def tuple_ret(x):
    return x, x * 2


for _ in range(3):
    print([sign(v) for v in (5, -2, 0, 0.0, 2 ** 80, -1.5)], first_even([1, 3, 4, 6]), first_even([1]))
    print(in_with(1), in_with(0), nothing(), tuple_ret(3), tuple_ret("ab"), type(nothing()).__name__)
