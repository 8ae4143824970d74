# Float arithmetic, rounding and representation.
import math


def ops(a, b):
    return a + b, a - b, a * b, a / b, a // b, a % b


def poly(x):
    return 3.5 * x * x - 2.25 * x + 0.125


def run(scale):
    for a, b in [(7.5, 2.0), (-7.5, 2.0), (7.5, -2.0), (0.1, 0.2), (1e308, 10.0), (5e-324, 2.0), (1.0, 3.0)]:
        print(ops(a * scale, b))
    print(0.1 + 0.2, 0.1 + 0.2 == 0.3, math.isclose(0.1 + 0.2, 0.3))
    print([poly(x / 4) for x in range(-4, 5)])
    print(round(2.5), round(3.5), round(-2.5), round(2.675, 2), round(1234.5678, -2))
    print(1e308 * 10, -1e308 * 10, 1e-320 / 1e10)
    print(float("1e500"), 2.0 ** 0.5, 10.0 ** -3, (-8.0) ** 2)
    print(int(3.99), int(-3.99), math.floor(-3.5), math.ceil(-3.5), math.trunc(-3.5))
    print(7.0 % float("inf"), -7.0 % float("inf"))


for s in (1, 1.0, 2):
    run(s)
