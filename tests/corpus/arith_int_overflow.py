# Machine-word overflow must turn into big ints exactly like CPython's arbitrary precision ints.
import sys


def mul(a, b):
    return a * b


def add(a, b):
    return a + b


def sub(a, b):
    return a - b


def neg(a):
    return -a


def grow(x, n):
    acc = x
    for _ in range(n):
        acc = acc * 4 + 1
    return acc


def run():
    print(mul(2 ** 62, 4), mul(-(2 ** 62), 4), mul(2 ** 31, 2 ** 31 * 2))
    print(neg(-(2 ** 63)), neg(-sys.maxsize - 1), neg(sys.maxsize))
    print(add(sys.maxsize, 1), add(sys.maxsize, sys.maxsize), add(-sys.maxsize - 1, -1))
    print(sub(-sys.maxsize - 1, 1), sub(0, -sys.maxsize - 1))
    print(mul(sys.maxsize, sys.maxsize), mul(-1, -sys.maxsize - 1))
    print(grow(1, 40), grow(-3, 35))
    print(abs(-sys.maxsize - 1), (-sys.maxsize - 1) // -1, (-sys.maxsize - 1) % -1)
    x = 1
    for i in range(70):
        x += x
    print(x, x - 1, x >> 69, -x)
    # small ints and huge ints through the same call sites
    for a, b in [(3, 4), (2 ** 100, 3), (-5, 2 ** 65), (1.5, 2 ** 62)]:
        print(mul(a, b), add(a, b), sub(a, b))


for _ in range(3):
    run()
