# Recursive Fibonacci variants: naive, memoised with a dict, and with big-int results.


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def fib_memo(n, memo={}):
    if n in memo:
        return memo[n]
    r = n if n < 2 else fib_memo(n - 1) + fib_memo(n - 2)
    memo[n] = r
    return r


def fib_pair(n):
    if n == 0:
        return (0, 1)
    a, b = fib_pair(n // 2)
    c = a * (2 * b - a)
    d = a * a + b * b
    return (d, c + d) if n % 2 else (c, d)


for n in (0, 1, 2, 10, 20):
    print(n, fib(n), fib_memo(n), fib_pair(n)[0])
print(fib_memo(300), fib_pair(1000)[0] % 10 ** 20, fib(18.0) if False else fib(True))
