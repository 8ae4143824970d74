# The exact depth at which RecursionError is raised, under a lowered limit, must match CPython's.
# hotwire: refcount-skip (raises RecursionError on purpose, over and over)
# (and under the refcount driver its own frames would change the depths printed)
import sys

deepest = 0


def dive(n):
    global deepest
    deepest = n
    return dive(n + 1)


def probe(limit):
    global deepest
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(limit)
    deepest = 0
    try:
        dive(1)
    except RecursionError as e:
        result = (limit, deepest, str(e))
    finally:
        sys.setrecursionlimit(old)
    return result


for limit in (100, 250, 100, 500):
    print(probe(limit))
