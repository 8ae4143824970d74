# functools: lru_cache statistics, cache_clear, reduce, partial chains, singledispatch, cached_property, total_ordering.
import functools


@functools.lru_cache(maxsize=4)
def slow_square(n):
    return n * n


@functools.singledispatch
def kind(x):
    return "object"


@kind.register
def _(x: int):
    return "int"


@kind.register(list)
def _(x):
    return f"list of {len(x)}"


@functools.total_ordering
class Version:
    def __init__(self, *parts):
        self.parts = parts

    def __eq__(self, o):
        return self.parts == o.parts

    def __lt__(self, o):
        return self.parts < o.parts


class Circle:
    def __init__(self, r):
        self.r = r
        self.computed = 0

    @functools.cached_property
    def area(self):
        self.computed += 1
        return 3.14159 * self.r ** 2


for n in (3, 5, 3):
    print([slow_square(i % n) for i in range(8)], slow_square.cache_info())
slow_square.cache_clear()
print(slow_square.cache_info(), functools.reduce(lambda a, b: a * 10 + b, [1, 2, 3], 0))
print([kind(v) for v in (1, True, "s", [1, 2], 2.5)])
print(Version(1, 2) <= Version(1, 3), Version(2) > Version(1, 9), Version(1) >= Version(1), sorted([Version(2), Version(1)])[0].parts)
c = Circle(2)
print(c.area, c.area, c.computed, "area" in vars(c))
