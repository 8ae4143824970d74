# dict/set displays: duplicate keys (last wins, first key object kept), equal keys of different types.


def dicts(k):
    return {k: 1, k: 2}, {1: "a", 1.0: "b", True: "c"}, dict(a=1, **{"b": k}), dict([(k, k), (k, 0)]), dict.fromkeys([k, 2], k)


def sets(k):
    s = {k, k, 1, 1.0, True}
    return sorted(s, key=repr), len({0, 0.0, False, -0.0}), sorted(set("mississippi")), len(frozenset(range(k)))


for k in (1, 2, 3):
    print(dicts(k), sets(k))
d = {}
for w in "the quick the lazy the end quick".split():
    d[w] = d.get(w, 0) + 1
print(d, list(d.keys()), sorted(d, key=d.get, reverse=True))
s = set()
for i in range(20):
    s.add(i % 7)
    s.discard(3)
print(sorted(s), s == {0, 1, 2, 4, 5, 6}, {1, 2} < {1, 2, 3}, {1} <= {1}, {3}.isdisjoint({4}))
try:
    {[1]: 2}
except TypeError as e:
    print("TypeError:", e)
try:
    {{1}}
except TypeError as e:
    print("TypeError:", e)
