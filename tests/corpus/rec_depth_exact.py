# The exact depth at which RecursionError is raised, under a lowered limit, must match CPython's.
# hotwire: refcount-skip (deliberately raises RecursionError again and again; the refcount driver's
# own frames also change the depth)
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
