# Floor division and modulo follow the sign of the divisor; check the identity a == (a//b)*b + a%b.


def check(a, b):
    q, r = a // b, a % b
    return q, r, divmod(a, b) == (q, r), q * b + r == a


for _ in range(3):
    for a in (-17, -1, 0, 1, 17, 2 ** 70 + 3, -(2 ** 70) - 3):
        for b in (-5, -1, 1, 5, 2 ** 64):
            print(a, b, check(a, b))
    for a, b in [(7.5, 2), (-7.5, 2), (7.5, -2), (1e300, 1e-300), (-1e-300, 1e300), (5, 0.3)]:
        print(a, b, check(a, b))
