# Shifts: into big ints, arithmetic right shift of negatives, huge and negative shift counts.


def shl(a, n):
    return a << n


def shr(a, n):
    return a >> n


def both(a, n):
    out = []
    for f in (shl, shr):
        try:
            out.append(f(a, n))
        except (ValueError, OverflowError, MemoryError, TypeError) as e:
            out.append(f"{type(e).__name__}: {e}")
    return out


for _ in range(3):
    for a, n in [(1, 0), (1, 1), (1, 31), (1, 32), (1, 62), (1, 63), (1, 64), (1, 100), (-1, 63), (-1, 64), (3, 62),
                 (-7, 1), (-7, 2), (-1, 1000), (5, 10 ** 3), (2 ** 80, 70), (1, -1), (0, 10 ** 20), (True, 3), (1.0, 2),
                 (7, 2 ** 70)]:
        r = both(a, n)
        print(a, n, [x if not isinstance(x, int) or x.bit_length() < 200 else ("bits", x.bit_length()) for x in r])
    print(shr(-(2 ** 200), 199), shr(2 ** 200, 201), shl(-3, 64) >> 64)
