# Number formatting edge cases: repr round-trip, 'g' thresholds, rounding half-even in format, big ints.


def show(x):
    return [repr(x), str(x), format(x, "g"), format(x, ".3g"), format(x, ".1f"), format(x, ".0e"), format(x, "10.4")]


for _ in range(3):
    for x in (0.1, 1 / 3, 2.5, 0.125, 1e16, 1e15, 123456789012345678.0, 1e-5, 1e-4, 5e-324, 1.7976931348623157e308,
              0.0, -0.0, float("inf"), float("nan"), 100.0, 2.675, 1.005):
        print(show(x))
    print(format(0.5, ".0f"), format(1.5, ".0f"), format(2.5, ".0f"), round(0.5), round(1.5), round(2.5))
    print(str(10 ** 50), format(10 ** 20, ","), format(-(2 ** 64), "_x"), int("1_000"), float("1_0.5"), format(1e22, "f"))
    print(str(2 ** 64 * 1.0), repr(2 ** 0.5), float.hex(1.5), (0.1).as_integer_ratio(), (2.5).hex())
