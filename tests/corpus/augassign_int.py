# Augmented assignment with every operator on ints, then floats, then bigs, in the same function.


def every(x, y):
    r = []
    a = x; a += y; r.append(a)
    a = x; a -= y; r.append(a)
    a = x; a *= y; r.append(a)
    a = x; a /= y; r.append(a)
    a = x; a //= y; r.append(a)
    a = x; a %= y; r.append(a)
    a = x; a **= 2; r.append(a)
    if isinstance(x, int) and isinstance(y, int):
        a = x; a &= y; r.append(a)
        a = x; a |= y; r.append(a)
        a = x; a ^= y; r.append(a)
        a = x; a <<= 3; r.append(a)
        a = x; a >>= 1; r.append(a)
    return r


def accumulate(n, step):
    total = 0
    for i in range(n):
        total += i * step
        total -= 1
        total *= 1
    return total


for _ in range(3):
    for x, y in [(17, 5), (-17, 5), (2 ** 63 - 1, 2), (10 ** 30, 7), (17.5, 2.5), (17, 2.0), (True, 3)]:
        print(x, y, every(x, y))
    print(accumulate(100, 3), accumulate(100, 2 ** 60), accumulate(10, 0.5))
