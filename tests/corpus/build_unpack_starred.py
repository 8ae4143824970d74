# Starred unpacking and starred displays: a, *b, c = ...; [*x, *y]; {**d1, **d2}; {*s1, *s2}.


def split(seq):
    first, *middle, last = seq
    return first, middle, last


def head(seq):
    h, *t = seq
    return h, t


def tail(seq):
    *init, last = seq
    return init, last


def merge(x, y, d1, d2):
    return [*x, *y], (*x, 0, *y), {**d1, **d2}, {**d2, "k": 0, **d1}, sorted({*x, *y}), [*"ab", *range(2)]


for seq in ([1, 2, 3, 4], (5, 6), "xyz", range(10), [1, 2]):
    print(split(seq), head(seq), tail(seq))
for x, y in (([1], [2, 3]), ((), "ab"), (range(2), {9})):
    print(merge(x, y, {"a": 1, "k": 5}, {"b": 2, "a": 3}))
a, *b = "q"
*c, d, e = [1, 2]
print(a, b, c, d, e, [*[], *()], {**{}})
[x, *[y, *z]] = [1, 2, 3, 4]
print(x, y, z)
for first, *rest in [(1, 2, 3), (4,), "ab"]:
    print(first, rest)
