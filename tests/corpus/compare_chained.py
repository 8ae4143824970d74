# Chained comparisons evaluate each middle operand once and short-circuit.
calls = []


def v(x):
    calls.append(x)
    return x


def chain(a, b, c):
    r = v(a) < v(b) < v(c)
    seen = list(calls)
    calls.clear()
    return r, seen


def mixed(a, b, c, d):
    return a < b <= c != d, a == b == c, a is not b is not c, a in [b] in [[c]], 0 <= a < 10


for _ in range(3):
    for t in [(1, 2, 3), (1, 3, 2), (3, 2, 1), (1.0, 2, 2.5), ("a", "b", "c"), (2 ** 70, 2 ** 71, 2 ** 72)]:
        print(t, chain(*t))
    for t in [(1, 2, 3, 4), (1, 1, 1, 1), (5, 5, 6, 6), (-1, 0, 0, 1), (9.5, 10, 10, 11)]:
        print(t, mixed(*t))
    x = 5
    print(1 < x < 10, 10 > x > 1 > 0, 1 < x > 4 < 6, x < 5 < 1 / 0 if False else "no eval")
    try:
        print(1 < 2 < "3")
    except TypeError as e:
        print("TypeError:", e)
    print(1 < 2 > "3" == "4" if False else 3 > 2 == 2)
