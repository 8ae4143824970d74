# and/or return an operand, not a bool, and skip evaluating the right side when decided.
trace = []


def t(name, value):
    trace.append(name)
    return value


def logic(a, b, c):
    r1 = t("a", a) and t("b", b)
    r2 = t("a", a) or t("b", b)
    r3 = t("a", a) and t("b", b) or t("c", c)
    r4 = not t("a", a) or not t("b", b) and t("c", c)
    r5 = (t("a", a) or t("b", b)) and t("c", c)
    out = (r1, r2, r3, r4, r5, "".join(trace))
    trace.clear()
    return out


for _ in range(3):
    for args in [(0, 1, 2), (1, 0, 2), (1, 2, 0), ("", [], None), ("x", [0], {}), (0.0, -0.0, float("nan")),
                 (None, True, False), ([], (), "c"), (2 ** 80, 0, 1)]:
        print(args, logic(*args))
    x = None
    print(x and x.attr, x is None or x.attr, [] or {} or 0 or "last", 1 and 2 and 3, 1 and 0 and 1 / 0)
