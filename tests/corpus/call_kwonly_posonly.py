# Positional-only (/) and keyword-only (*) parameters, and the errors for misuse.


def f(a, b, /, c, *, d, e=5):
    return a, b, c, d, e


def g(x, /, **kw):
    return x, kw


def attempt(fn, *args, **kw):
    try:
        return fn(*args, **kw)
    except TypeError as e:
        return f"TypeError: {e}"


for v in (1, 2.0, "three"):
    print(attempt(f, v, 2, 3, d=4), attempt(f, v, 2, c=3, d=4, e=6), attempt(f, a=v, b=2, c=3, d=4),
          attempt(f, v, 2, 3, 4), attempt(f, v, 2, 3), attempt(f, v, 2, 3, d=4, z=0))
    print(attempt(g, v, x=2, y=3), attempt(g, x=v), attempt(g), attempt(g, v, v))
print(f.__code__.co_posonlyargcount, f.__code__.co_kwonlyargcount, f.__code__.co_argcount, f.__kwdefaults__)
