# Self-recursive integer functions, which compiled code first runs as a frameless int64 clone
# (backend/pure_clone.py): every way that clone must give up and let the normal code redo the call.
# hotwire: expect-exit 1
import sys


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def tak(x, y, z):
    if y >= x:
        return z
    return tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y))


def power_of_two(n):
    # Overflows int64 past n = 62: the clone gives up, the normal code makes a big int.
    return 1 if n == 0 else 2 * power_of_two(n - 1)


def spread(n):
    # Python's floor division and modulo of negative numbers, and a ternary (block parameters).
    return n if n < 3 else (spread(n // 2) % 7) - (spread(n - 3) // -2) + (1 if n % 2 else -1)


def divides(n):
    # Division by zero at n == 3: ZeroDivisionError with the traceback CPython gives.
    return 0 if n == 0 else 10 // (n - 3) + divides(n - 1)


def depth(n):
    return 0 if n == 0 else depth(n - 1) + 1


def shifted(n):
    return 1 if n <= 0 else (shifted(n - 1) << 3) ^ n


print([fib(i) for i in range(15)], fib(25))
print(tak(18, 12, 6), tak(-3, -7, 5))
print(power_of_two(10), power_of_two(62), power_of_two(63), power_of_two(100))
print([spread(i) for i in range(-5, 40)])
print([shifted(i) for i in (0, 5, 20, 21, 22, 30)])
print(fib(True), fib(2 ** 40 - 2 ** 40 + 12), fib(-7))
try:
    divides(6)
except ZeroDivisionError as e:
    tb = e.__traceback__
    lines = []
    while tb:
        lines.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    print("ZeroDivisionError", e, lines)
print(depth(500))
sys.setrecursionlimit(300)
try:
    depth(1000)
except RecursionError as e:
    print("RecursionError", str(e).split(" while ")[0])
sys.setrecursionlimit(1000)
print(depth(900))

# The name is rebound: the clone (which calls itself directly) must not run for the old function.
original = fib
fib = lambda n: 100
print(original(10), original(1))
fib = original
print(fib(20))
divides(5)
