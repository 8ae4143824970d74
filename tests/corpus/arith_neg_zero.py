# Negative zero: sign survives arithmetic, compares equal to 0.0, prints as -0.0.
import math


def neg(x):
    return -x


def mul(a, b):
    return a * b


def describe(x):
    return repr(x), x == 0, math.copysign(1, x), str(x), f"{x:+.1f}", x.is_integer() if isinstance(x, float) else None


def run():
    z = 0.0
    nz = neg(z)
    print(describe(nz), describe(neg(nz)), describe(mul(-1.0, 0)), describe(mul(0, -5.0)))
    print(nz + 0.0, nz - 0.0, nz * nz, 0.0 * -1, -0.0 + -0.0, abs(nz), round(-0.4), round(-0.4, 1))
    print(math.atan2(0.0, -1.0), math.atan2(-0.0, -1.0), 1 / float("-inf"), -0.0 // 1, -1e-320 / 1e10)
    print(neg(0), neg(0) == 0, repr(float(neg(0))), divmod(-0.0, 1.0), -0.0 % 5)
    print(complex(0.0, -0.0), -complex(0.0, 0.0), sorted([0.0, -0.0, 0, -0.0]), max(-0.0, 0.0), min(0.0, -0.0))
    try:
        1 / nz
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)


for _ in range(3):
    run()
