# Assorted protocols: __repr__/__str__/__format__, __neg__/__abs__/__round__, __int__/__float__, __hash__ via tuple.
import math


class Num:
    def __init__(self, v):
        self.v = v

    def __repr__(self):
        return f"Num({self.v!r})"

    def __str__(self):
        return f"<{self.v}>"

    def __format__(self, spec):
        return f"Num[{format(self.v, spec)}]"

    def __abs__(self):
        return Num(abs(self.v))

    def __round__(self, n=None):
        return Num(round(self.v, n))

    def __int__(self):
        return int(self.v) + 1000

    def __float__(self):
        return float(self.v) + 0.5

    def __trunc__(self):
        return "trunc"

    def __floor__(self):
        return "floor"

    def __ceil__(self):
        return "ceil"


def show(n):
    return [repr(n), str(n), f"{n}", f"{n:>8.2f}", f"{n!r}", f"{n!s}", abs(n), round(n), round(n, 1), int(n),
            float(n), math.trunc(n), math.floor(n), math.ceil(n), "%s %r" % (n, n)]


for v in (1.25, -2.5, 3.75):
    print(show(Num(v)))
