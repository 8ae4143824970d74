# Dict subscripts: KeyError arguments for various key types, tuple keys, equal-but-different keys.


def lookup(d, k):
    try:
        return d[k]
    except KeyError as e:
        return f"KeyError: {e!r} {e}"
    except TypeError as e:
        return f"TypeError: {e}"


for _ in range(3):
    d = {1: "int one", "a": "str a", (1, 2): "tuple", None: "none", 2.5: "float", frozenset({1}): "fs"}
    for k in (1, 1.0, True, "a", (1, 2), None, 2.5, frozenset([1]), "missing", (1, 3), (), [1], {}):
        print(repr(k), lookup(d, k))
    d[True] = "bool overwrote 1"
    d[1.0] = "float overwrote again"
    print(d[1], list(d)[0], len(d))
    del d["a"]
    try:
        del d["a"]
    except KeyError as e:
        print("KeyError on del:", e)
    e = {}
    e[("x", 1)] = e.get(("x", 1), 0) + 1
    e[("x", 1)] += 1
    print(e)
