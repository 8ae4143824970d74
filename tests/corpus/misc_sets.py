# Set algebra, in-place updates, frozenset hashing, comparisons; printed sorted for determinism.


def algebra(a, b):
    return (sorted(a | b), sorted(a & b), sorted(a - b), sorted(b - a), sorted(a ^ b), a <= b, a < b, a >= b,
            a.isdisjoint(b), len(a.union(b, [99])), sorted(a.intersection(b, range(3))))


def inplace(xs):
    s = set()
    for x in xs:
        s.add(x)
    s.update(range(3))
    s.difference_update({1})
    s.intersection_update(set(range(-5, 50)))
    s.symmetric_difference_update({0, 100})
    removed = []
    while len(s) > 3:
        removed.append(min(s))
        s.remove(min(s))
    return sorted(s), removed


for a, b in (({1, 2, 3}, {2, 3, 4}), (set(), {1}), ({1, 2}, {1, 2}), (frozenset(range(5)), {0, 10})):
    print(algebra(a, b))
for xs in ([5, 3, 9, 1], range(10, 20), "abc" if False else [40, 41]):
    print(inplace(xs))
print({frozenset({1, 2}): "a"}[frozenset([2, 1])], len({frozenset(), frozenset([])}), sorted({"b", "a"}), {1, 2} == frozenset({1, 2}))
