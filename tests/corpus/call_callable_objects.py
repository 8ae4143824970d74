# functools.partial, operator.itemgetter/attrgetter/methodcaller, classes and types as callables.
import functools
import operator


def power(base, exp, mod=None):
    return pow(base, exp, mod)


class P:
    def __init__(self, x):
        self.x = x

    def double(self, k=2):
        return self.x * k


square = functools.partial(power, exp=2)
cube = functools.partial(power, exp=3)
mod7 = functools.partial(power, mod=7)


def apply_all(fns, v):
    return [fn(v) for fn in fns]


for v in (2, 3, 10):
    print(apply_all([square, cube, functools.partial(mod7, exp=5), str, float, lambda v: P(v).double(), abs, bool, list if False else hex], v))
    print(operator.itemgetter(1, 0)([v, v + 1]), operator.attrgetter("x")(P(v)), operator.methodcaller("double", v)(P(v)))
    print(functools.reduce(operator.mul, range(1, v + 1)), list(map(operator.neg, [v, -v])), operator.add("a", "b"))
print(square.func is power, square.keywords, functools.partial(square, 4)(), type(square).__name__)
