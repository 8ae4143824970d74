# RecursionError from unbounded recursion is caught; the program continues normally afterwards.
# hotwire: refcount-skip (exhausts the recursion limit on purpose)
# (repeating that in one process would test how deep the stack goes, not leaks)
import sys


def forever(n):
    return forever(n + 1) + 1


def bounded(n):
    return 0 if n == 0 else bounded(n - 1) + 1


class Loop:
    def __repr__(self):
        return repr(self)


def attempt(fn, *a):
    try:
        return fn(*a)
    except RecursionError as e:
        return f"RecursionError: {str(e).split(' while ')[0]}"


for _ in range(3):
    print(attempt(forever, 0), attempt(bounded, 50), attempt(repr, Loop()))
old = sys.getrecursionlimit()
sys.setrecursionlimit(200)
try:
    print(attempt(bounded, 100), attempt(bounded, 500))
finally:
    sys.setrecursionlimit(old)
print(attempt(bounded, 100))
