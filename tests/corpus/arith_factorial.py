# Factorials and other big-int producing loops.


def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r


def fact_rec(n):
    return 1 if n <= 1 else n * fact_rec(n - 1)


def digit_sum(n):
    s = 0
    while n:
        n, d = divmod(n, 10)
        s += d
    return s


def binom(n, k):
    return fact(n) // (fact(k) * fact(n - k))


for n in [0, 1, 5, 20, 21, 25, 50, 100]:
    f = fact(n)
    print(n, f, fact_rec(n) == f, digit_sum(f), f.bit_length())
for n, k in [(10, 3), (40, 20), (67, 33), (100, 50)]:
    print(n, k, binom(n, k))
print(fact(170) % 1000000007, len(str(fact(300))))
