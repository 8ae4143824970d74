# Exponentiation: negative exponents, three-argument pow, 0**0, complex results, float overflow.


def p(a, b):
    try:
        return a ** b
    except (ZeroDivisionError, OverflowError, ValueError, TypeError) as e:
        return f"{type(e).__name__}: {e}"


def p3(a, b, m):
    try:
        return pow(a, b, m)
    except (ValueError, TypeError) as e:
        return f"{type(e).__name__}: {e}"


for _ in range(3):
    for a, b in [(0, 0), (2, -1), (-2, -3), (0, -1), (0.0, -1), (2, 0.5), (-8, 1 / 3), (10.0, 400), (2, 200),
                 (-1, 10 ** 20), (1.5, 2), (2.0, -1074), (2.0, -1080), (-2.0, 0.5), (2, 1.5), (True, True)]:
        r = p(a, b)
        print(a, b, round(r.real, 9) + round(r.imag, 9) * 1j if isinstance(r, complex) else r)
    for a, b, m in [(3, 200, 13), (2, -1, 7), (2, -1, 4), (5, 0, 1), (-3, 3, 7), (3, 3, -7), (2, 10 ** 20, 10 ** 9 + 7),
                    (2.0, 2, 3), (3, 2, 0)]:
        print(a, b, m, p3(a, b, m))
