# dict subclasses: __missing__, overridden __getitem__/__setitem__/__contains__ and what builtins ignore.


class Default(dict):
    def __missing__(self, k):
        print("  missing", k)
        return len(str(k))


class Lower(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.lower(), v)

    def __getitem__(self, k):
        return super().__getitem__(k.lower())

    def __contains__(self, k):
        return super().__contains__(k.lower())


class Counter(dict):
    def __getitem__(self, k):
        return dict.get(self, k, 0)


def look(d, keys):
    out = []
    for k in keys:
        try:
            out.append((k, d[k], k in d, d.get(k)))
        except KeyError as e:
            out.append(("KeyError", e.args))
    return out


def fill(d, pairs):
    for k, v in pairs:
        d[k] = v
    return sorted(d.items())


for _ in range(3):
    for d in [dict(a=1), Default(a=1), Lower(A=1), Counter(a=1)]:
        print(type(d).__name__, look(d, ["a", "A", "zz"]), fill(d, [("B", 2), ("c", 3)]))
    c = Counter()
    for ch in "hello":
        c[ch] = c[ch] + 1
    print(sorted(c.items()), {**Lower(X=1)}, dict(Default(q=2)), Default(x=1) | {"y": 2}, type(Default() | {}).__name__)
