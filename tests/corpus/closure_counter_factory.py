# Closures used as objects: memoisation, generators of functions, decorators counting calls.
import functools


def memo(fn):
    cache = {}

    @functools.wraps(fn)
    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]

    wrapper.cache = cache
    return wrapper


@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def counted(fn):
    calls = 0

    def wrapper(*a, **k):
        nonlocal calls
        calls += 1
        return fn(*a, **k), calls
    return wrapper


@counted
def greet(name, punct="!"):
    return "hi " + name + punct


for n in (10, 50, 90):
    print(fib(n), len(fib.cache), fib.__name__, fib.__wrapped__.__name__)
print(greet("a"), greet("b", punct="?"), greet(name="c"))
