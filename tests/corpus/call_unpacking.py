# Argument unpacking with several * and ** groups, generators as *args, and the duplicate-keyword errors.


def f(*a, **k):
    return a, k


def g(a, b, c):
    return a + b + c


def gen(n):
    for i in range(n):
        yield i


def attempt(fn, *a, **k):
    try:
        return fn(*a, **k)
    except TypeError as e:
        return f"TypeError: {e}"


for n in (1, 2, 3):
    print(f(*gen(n), *[n], **{"x": n}, **{"y": n}))
    print(attempt(g, *gen(n)), attempt(g, *range(n), c=10), attempt(g, **{"a": 1, "b": 2, "c": n}))
    print(attempt(lambda: f(**{"x": 1}, **{"x": n})), attempt(lambda: f(x=1, **{"x": n})), attempt(lambda: f(**{1: n})),
          attempt(lambda: f(*n)))
    print(attempt(lambda: f(**[n])), attempt(lambda: g(1, *(2,), **{"c": 3, "a": n})), attempt(lambda: g(*None)))
