# range with negative steps, empty ranges, huge bounds, big-int steps, and range object behaviour.


def total(r):
    s = 0
    n = 0
    for i in r:
        s += i
        n += 1
        if n > 50:
            break
    return s, n


for _ in range(3):
    for r in (range(5), range(5, 0, -1), range(0), range(5, 5), range(5, 0), range(0, 5, -1), range(-3, 3),
              range(10, -10, -7), range(2 ** 63 - 2, 2 ** 63 + 2), range(-(2 ** 64), -(2 ** 64) + 3),
              range(0, 2 ** 100, 2 ** 98), range(1, 10 ** 30), range(True, 3)):
        print(r, total(r), len(r) if r.stop < 2 ** 62 else "big", r[-1] if r else None, bool(r))
    big = range(0, 10 ** 30, 7)
    try:
        len(big)
    except OverflowError as e:
        print("OverflowError:", e)
    print(big.stop - big.start, big[10 ** 20], 7 * 10 ** 20 in big, 7 * 10 ** 20 + 1 in big, big.index(700), big.count(14))
    try:
        range(0, 10, 0)
    except ValueError as e:
        print("ValueError:", e)
    try:
        range(1.5)
    except TypeError as e:
        print("TypeError:", e)
    print(list(range(10)[::-3]), range(10)[2:8:2], range(0, 10, 2) == range(0, 9, 2), reversed(range(3)).__class__.__name__)
