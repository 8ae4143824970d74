# Exact comparisons between ints and floats around 2**53 and beyond, with NaN and infinities.

VALUES = [0, -0.0, 1, 1.0, 2 ** 53, 2.0 ** 53, 2 ** 53 + 1, 2 ** 63, 2.0 ** 63, 2 ** 63 - 1, 10 ** 400, float("inf"),
          float("-inf"), True, 0.1]


def table(xs):
    rows = []
    for a in xs:
        rows.append("".join("<" if a < b else ("=" if a == b else (">" if a > b else "?")) for b in xs))
    return rows


for _ in range(3):
    for row in table(VALUES):
        print(row)
    print(table([float("nan"), 1]), sorted(VALUES, key=lambda x: (x, str(type(x))))[:5])
