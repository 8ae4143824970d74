# zip (incl. strict), map with several iterables, enumerate start, filter, reversed, iter/next defaults.


def combos(n):
    a = list(range(n))
    b = "abcdef"[:n]
    out = [list(zip(a, b)), list(map(lambda x, y: f"{x}{y}", a, b)), list(enumerate(b, start=10)),
           list(filter(lambda v: v % 2, a)), list(reversed(b)), list(map(pow, a, a)), next(iter(a), "empty"),
           dict(zip(b, a)), list(zip(*[(1, 2), (3, 4)])), sum(map(len, b)), list(zip())]
    try:
        out.append(list(zip(a, b + "x", strict=True)))
    except ValueError as e:
        out.append(f"ValueError: {e}")
    return out


for n in (0, 2, 4):
    print(combos(n))
it = iter([1, 2, 3])
print(next(it), list(it), next(it, "dflt"), list(map(str.upper, ["a", "b"])), sorted(map(abs, [-3, 1, -2])))
