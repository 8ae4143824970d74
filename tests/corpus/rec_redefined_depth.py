# The recursion depth a function can reach must not depend on whether an earlier function with the same
# source was compiled: the same recursive function is re-created from fresh code objects (as re-running a
# module does) and its maximum depth under the default limit is measured each time.
# hotwire: refcount-skip (provokes RecursionError on purpose, dozens of times)
import sys

SRC = "def depth(n):\n    return 0 if n == 0 else depth(n - 1) + 1\n"


def max_depth(fn, hi):
    lo = 0
    while lo < hi:
        mid = (lo + hi + 1) // 2
        try:
            fn(mid)
            lo = mid
        except RecursionError:
            hi = mid - 1
    return lo


def make_closure():
    def depth(n):
        return 0 if n == 0 else depth(n - 1) + 1
    return depth


def fresh_function():
    ns = {}
    exec(compile(SRC, __file__, "exec"), ns)
    return ns["depth"]


base = max_depth(make_closure(), 2000)
for i in range(4):
    print(i, max_depth(fresh_function(), 2000) - base, max_depth(make_closure(), 2000) - base)
print("limit", sys.getrecursionlimit())
