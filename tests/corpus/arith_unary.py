# Unary -, + and ~ on ints (small, word-boundary, huge), floats, bools and user types.
import sys


class Signed:
    def __init__(self, v):
        self.v = v

    def __neg__(self):
        return Signed(-self.v)

    def __pos__(self):
        return "pos(%r)" % (self.v,)

    def __invert__(self):
        return Signed(~self.v)

    def __repr__(self):
        return f"Signed({self.v})"


def unary(x):
    out = [-x, +x]
    try:
        out.append(~x)
    except TypeError as e:
        out.append("TypeError: " + str(e))
    return out


for _ in range(3):
    for v in [0, 1, -1, 255, sys.maxsize, -sys.maxsize - 1, 2 ** 64, -(2 ** 64), True, False, 1.5, -0.0, Signed(3)]:
        print(repr(v), unary(v))
    for bad in ["s", [1], None]:
        try:
            print(-bad)
        except TypeError as e:
            print("TypeError:", e)
    print(- - 5, - + - 5, ~~7, not -0, -(-(2 ** 63)))
