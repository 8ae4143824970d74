# Indexing strings and tuples, immutability errors, nested tuple access, unicode code points.


def at(s, i):
    try:
        return s[i]
    except (IndexError, TypeError) as e:
        return f"{type(e).__name__}: {e}"


for _ in range(3):
    for s in ("hello", "héllo→", "", ("a", ("b", "c"), 3), ()):
        print(repr(s), [at(s, i) for i in (0, -1, 4, 5, -6, 1.5)])
    for target, value in (("abc", "x"), ((1, 2), 9)):
        try:
            target[0] = value
        except TypeError as e:
            print("TypeError:", e)
        try:
            del target[0]
        except TypeError as e:
            print("TypeError:", e)
    t = (1, [2, 3], {"k": (4, 5)})
    print(t[1][-1], t[2]["k"][1], t[-1]["k"][::-1], "nested"[::-1][1:3], "x".join("abc")[1::2])
