# A custom __getitem__ receives slice objects (and tuples of slices, Ellipsis) exactly as written.


class Show:
    def __getitem__(self, k):
        return describe(k)

    def __setitem__(self, k, v):
        print("  set", describe(k), v)

    def __delitem__(self, k):
        print("  del", describe(k))


def describe(k):
    if isinstance(k, slice):
        return f"slice({k.start!r}, {k.stop!r}, {k.step!r})"
    if isinstance(k, tuple):
        return "(" + ", ".join(describe(x) for x in k) + ")"
    return repr(k)


def exercise(s, a, b):
    out = [s[a], s[a:], s[:b], s[a:b], s[::b], s[a:b:-1], s[:], s[::], s[a, b], s[a:b, ::2], s[...], s[..., a],
           s[a:a, b:b], s[{"k": a}["k"]:]]
    s[a:b] = "v"
    s[::a] = "w"
    del s[a:]
    del s[:, a]
    return out


for a, b in ((1, 5), ("x", None), (2 ** 70, -1.5), (None, [1])):
    print(exercise(Show(), a, b))
