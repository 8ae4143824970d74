# NaN and infinity: comparisons are all false for NaN, identity shortcuts in containers, arithmetic.
import math

nan = float("nan")
inf = float("inf")


def compare(a, b):
    return [a == b, a != b, a < b, a <= b, a > b, a >= b]


def arith(a, b):
    out = []
    for f in (lambda: a + b, lambda: a - b, lambda: a * b, lambda: a / b, lambda: a % b):
        try:
            out.append(f())
        except ZeroDivisionError as e:
            out.append("ZeroDivisionError: " + str(e))
    return out


def run():
    for a, b in [(nan, nan), (nan, 1.0), (1, nan), (inf, inf), (inf, -inf), (-inf, 5), (inf, 10 ** 300)]:
        print(a, b, compare(a, b), arith(a, b))
    lst = [nan, 1.0]
    print(nan in lst, float("nan") in lst, lst.count(nan), lst == [nan, 1.0], [float("nan")] == [float("nan")])
    print(max(1.0, nan), max(nan, 1.0), min(inf, 3), sorted([3.0, inf, -inf, 0.0]))
    print(math.isnan(nan * 0), math.isinf(inf * -1), inf * 0, inf - inf, math.copysign(1.0, -nan if False else -0.0))
    print(int(inf) if False else "skip", str(nan), repr(-inf), format(inf, ".3f"), f"{nan:>6}")
    for v in (inf, nan):
        try:
            int(v)
        except (OverflowError, ValueError) as e:
            print(type(e).__name__, e)


for _ in range(3):
    run()
