# & | ^ ~ on small, negative and huge ints (two's complement semantics of infinite precision).


def bits(a, b):
    return a & b, a | b, a ^ b, ~a & b, (a ^ b) & ~(a & b)


def popcount(x):
    c = 0
    while x:
        x &= x - 1
        c += 1
    return c


for _ in range(3):
    for a, b in [(12, 10), (-12, 10), (12, -10), (-12, -10), (0, -1), (2 ** 64 - 1, 2 ** 63), (-(2 ** 70), 2 ** 70 - 1),
                 (True, 3), (255, True)]:
        print(a, b, bits(a, b))
    print([popcount(x) for x in (0, 1, 255, 2 ** 64 - 1, 2 ** 100 + 7, 12345)], (2 ** 100 + 7).bit_count())
    print(bin(-5 & 0xFF), hex(0xDEAD ^ 0xBEEF), oct(0o777 | 0o1000), format(-1 & (2 ** 70 - 1), "x"))
    for bad in [(1.0, 1), ("a", 1), (1, None)]:
        try:
            print(bad[0] & bad[1])
        except TypeError as e:
            print("TypeError:", e)
