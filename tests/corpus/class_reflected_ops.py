# Reflected operators (__radd__ etc.), NotImplemented fallbacks, and subclass-first dispatch.


class Vec:
    def __init__(self, *c):
        self.c = c

    def __add__(self, o):
        if isinstance(o, Vec):
            return Vec(*(a + b for a, b in zip(self.c, o.c)))
        if isinstance(o, (int, float)):
            return Vec(*(a + o for a in self.c))
        return NotImplemented

    def __radd__(self, o):
        print("  __radd__", type(o).__name__)
        return self + o

    def __rsub__(self, o):
        return Vec(*(o - a for a in self.c))

    def __mul__(self, k):
        return Vec(*(a * k for a in self.c))

    __rmul__ = __mul__

    def __rtruediv__(self, o):
        return Vec(*(o / a for a in self.c))

    def __rpow__(self, o):
        return Vec(*(o ** a for a in self.c))

    def __rmatmul__(self, o):
        return "rmatmul"

    def __repr__(self):
        return f"Vec{self.c}"


class Vec2(Vec):
    def __radd__(self, o):
        return "Vec2 radd wins"


def ops(a, b):
    out = []
    for f in (lambda: a + b, lambda: b + a, lambda: a - b, lambda: a * b, lambda: b * a, lambda: a / b, lambda: a ** b,
              lambda: a @ b):
        try:
            out.append(f())
        except TypeError as e:
            out.append(f"TypeError: {e}")
    return out


for _ in range(3):
    print(ops(1, Vec(1, 2)))
    print(ops(2.5, Vec(1, 2)))
    print(ops(Vec(1, 2), Vec2(3, 4)))
    print(ops("s", Vec(1)))
    print(sum([Vec(1, 1), Vec(2, 2)], Vec(0, 0)), sum([Vec(1, 1)]))
