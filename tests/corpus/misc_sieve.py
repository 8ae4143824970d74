# Prime sieves and number theory helpers: list-of-bools sieve, gcd/lcm, modular inverse.
import math


def sieve(n):
    is_p = [True] * (n + 1)
    is_p[0:2] = [False, False]
    i = 2
    while i * i <= n:
        if is_p[i]:
            is_p[i * i::i] = [False] * len(range(i * i, n + 1, i))
        i += 1
    return [i for i, p in enumerate(is_p) if p]


def egcd(a, b):
    if b == 0:
        return a, 1, 0
    g, x, y = egcd(b, a % b)
    return g, y, x - (a // b) * y


def factor(n):
    out = []
    d = 2
    while d * d <= n:
        while n % d == 0:
            out.append(d)
            n //= d
        d += 1
    if n > 1:
        out.append(n)
    return out


for n in (10, 100, 3000):
    ps = sieve(n)
    print(n, len(ps), ps[-5:], sum(ps))
for a, b in ((240, 46), (17, 3120), (2 ** 61 - 1, 2 ** 31 - 1)):
    print(egcd(a, b), math.gcd(a, b), math.lcm(a, b), pow(a, -1, b) if math.gcd(a, b) == 1 else None)
print([factor(n) for n in (1, 2, 360, 9973, 2 ** 32 + 1, 600851475143)])
