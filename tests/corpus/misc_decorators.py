# Decorators with and without arguments, stacking order, wrapping methods, decorators returning non-functions.
import functools

order = []


def trace(label):
    def deco(fn):
        order.append(f"decorate {label} {fn.__name__}")

        @functools.wraps(fn)
        def wrapper(*a, **k):
            order.append(f"enter {label}")
            r = fn(*a, **k)
            order.append(f"exit {label}")
            return r
        return wrapper
    return deco


def twice(fn):
    def wrapper(*a):
        return fn(fn(*a))
    return wrapper


def as_value(fn):
    return fn()


@trace("outer")
@trace("inner")
def add(a, b):
    return a + b


@twice
def inc(x):
    return x + 1


@as_value
def constant():
    return 42


class Svc:
    @trace("method")
    def run(self, v):
        return v * 2


for v in (1, 2.5, "s"):
    order.clear()
    print(add(v, v), inc(v) if not isinstance(v, str) else None, Svc().run(v), order)
print(constant, add.__name__, add.__wrapped__.__name__, inc.__name__)
