# weakrefs: dereference, callbacks fired on deletion, WeakValueDictionary entries disappearing.
import weakref


class Node:
    def __init__(self, v):
        self.v = v


fired = []


def make_ref(v):
    n = Node(v)
    r = weakref.ref(n, lambda ref: fired.append(v))
    alive = r() is n
    return r, alive, n


def cache_demo(keys):
    cache = weakref.WeakValueDictionary()
    keep = []
    for i, k in enumerate(keys):
        n = Node(k)
        cache[k] = n
        if i % 2 == 0:
            keep.append(n)
    del n
    return sorted(cache.keys()), len(keep)


for v in (1, 2, 3):
    r, alive, n = make_ref(v)
    before = r() is not None
    del n
    print(v, alive, before, r() is None, list(fired))
    print(cache_demo(["a", "b", "c", "d", "e"]))
p = weakref.proxy(Node(5)) if False else None
s = Node(9)
prox = weakref.proxy(s)
print(prox.v)
del s
try:
    prox.v
except ReferenceError as e:
    print("ReferenceError:", e)
