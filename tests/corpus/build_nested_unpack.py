# Nested unpacking targets in assignments and for loops, including attribute and subscript targets.


class NS:
    pass


def walk(pairs):
    out = []
    for i, (name, (x, y)) in enumerate(pairs):
        out.append(f"{i}:{name}@{x},{y}")
    return out


def targets(v):
    ns = NS()
    lst = [0, 0, 0]
    ns.a, lst[1], (ns.b, lst[-1]) = v, v * 2, (v * 3, v * 4)
    d = {}
    d["x"], d["y"] = divmod(v * 7, 3)
    return ns.a, ns.b, lst, d


for _ in range(3):
    print(walk([("p", (1, 2)), ("q", [3, 4]), ("r", "ab")]))
    print(targets(2), targets(2.5), targets(-1))
    for (a, b), c in zip([(1, 2), (3, 4)], "xy"):
        print(a, b, c, end=" | ")
    print()
    ((a, b), (c, d)) = "ab", "cd"
    print(a + b + c + d)
