# Rich comparison protocol: reflected operations, NotImplemented, subclass priority, non-bool results.


class V:
    def __init__(self, v):
        self.v = v

    def __eq__(self, o):
        print("  V.__eq__", self.v, type(o).__name__)
        return self.v == (o.v if isinstance(o, V) else o)

    def __lt__(self, o):
        print("  V.__lt__", self.v)
        if not isinstance(o, (V, int)):
            return NotImplemented
        return self.v < (o.v if isinstance(o, V) else o)

    __hash__ = None


class W(V):
    def __gt__(self, o):
        print("  W.__gt__", self.v)
        return "W-gt"

    def __eq__(self, o):
        print("  W.__eq__", self.v)
        return NotImplemented


class Weird:
    def __eq__(self, o):
        return [1, 2]

    def __lt__(self, o):
        return 0

    def __ne__(self, o):
        return None


def compare(a, b):
    out = []
    for f in (lambda: a < b, lambda: a == b, lambda: a != b, lambda: a > b):
        try:
            out.append(f())
        except TypeError as e:
            out.append("TypeError: " + str(e))
    return out


for _ in range(3):
    print(compare(V(1), V(2)))
    print(compare(V(1), 5))
    print(compare(5, V(1)))
    print(compare(V(1), W(2)))
    print(compare(W(3), W(3)))
    print(compare(V(1), "x"))
    w = Weird()
    print(w == 1, w != 1, w < 1, bool(w == 1), [w] == [w], (w,) < (w,) if False else "skip")
    print(V(1) in [V(0), V(1)], [V(3)].index(3) if False else [V(3)].count(3))
