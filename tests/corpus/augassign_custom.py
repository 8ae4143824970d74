# __iadd__ and friends vs the fallback to __add__; __iadd__ returning a different object or NotImplemented.


class Acc:
    def __init__(self, v):
        self.v = v

    def __iadd__(self, o):
        self.v += o
        return self

    def __isub__(self, o):
        return NotImplemented

    def __sub__(self, o):
        return Acc(self.v - o)

    def __imul__(self, o):
        return "replaced"

    def __ior__(self, o):
        self.v |= o
        return self

    def __ipow__(self, o):
        self.v **= o
        return self

    def __imatmul__(self, o):
        self.v = (self.v, o)
        return self

    def __ilshift__(self, o):
        self.v <<= o
        return self

    def __repr__(self):
        return f"Acc({self.v!r})"


class Plain:
    def __init__(self, v):
        self.v = v

    def __add__(self, o):
        return Plain(self.v + o)

    def __repr__(self):
        return f"Plain({self.v!r})"


def apply(x):
    orig = x
    x += 1
    same1 = x is orig
    x -= 1
    same2 = x is orig
    return x, same1, same2


def more(a):
    a |= 8
    a **= 2
    a <<= 1
    a @= "m"
    a *= 3
    return a


for _ in range(3):
    print(apply(Acc(5)), apply(5), apply(2.5))
    try:
        print(apply(Plain(1)))
    except TypeError as e:
        print("TypeError:", e)
    print(more(Acc(1)))
    try:
        print(more(3))
    except TypeError as e:
        print("TypeError:", e)
