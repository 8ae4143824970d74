# Deep (but legal) recursion through compiled functions: close to the default limit, and far deeper with a
# raised limit. CPython 3.12 needs no C stack for Python-to-Python calls, so both must simply work.
import sys


def depth(n):
    return 0 if n == 0 else depth(n - 1) + 1


def sum_list(xs, i=0):
    if i == len(xs):
        return 0
    return xs[i] + sum_list(xs, i + 1)


def mutual_a(n):
    return n if n <= 0 else mutual_b(n - 1)


def mutual_b(n):
    return mutual_a(n - 1) + 1


for n in (10, 100, 900):
    print(depth(n), sum_list(list(range(n))), mutual_a(n))
old = sys.getrecursionlimit()
sys.setrecursionlimit(12000)
try:
    for n in (2000, 5000, 10000):
        print(depth(n), mutual_a(n))
finally:
    sys.setrecursionlimit(old)
