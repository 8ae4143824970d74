# Callable instances via __call__, including changing __call__ on the class between calls.


class Adder:
    def __init__(self, n):
        self.n = n

    def __call__(self, x, *rest, scale=1):
        return (self.n + x + sum(rest)) * scale


class NotCallable:
    pass


def apply(f, *args, **kw):
    try:
        return f(*args, **kw)
    except TypeError as e:
        return f"TypeError: {e}"


for i in range(6):
    a = Adder(i)
    print(apply(a, 1), apply(a, 1, 2, 3), apply(a, 1, scale=10), callable(a), list(map(a, [1, 2])))
    if i == 3:
        Adder.__call__ = lambda self, *a, **k: "replaced"
print(apply(NotCallable()), apply(5), apply("s"), callable(NotCallable()), callable(NotCallable))
a = Adder(1)
a.__call__ = lambda: "instance attr ignored"
print(apply(a, 0))
