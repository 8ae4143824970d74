# Method resolution order, cooperative super() in a diamond, and overriding in subclasses.


class A:
    def who(self):
        return ["A"]

    def __init__(self):
        self.trail = ["A.init"]


class B(A):
    def who(self):
        return ["B"] + super().who()

    def __init__(self):
        super().__init__()
        self.trail.append("B.init")


class C(A):
    def who(self):
        return ["C"] + super().who()

    def __init__(self):
        super().__init__()
        self.trail.append("C.init")


class D(B, C):
    def who(self):
        return ["D"] + super().who()


class E(C):
    pass


def describe(obj):
    return type(obj).__name__, obj.who(), obj.trail, [k.__name__ for k in type(obj).__mro__]


for _ in range(3):
    for cls in (A, B, C, D, E):
        print(describe(cls()))
    print(super(B, D()).who(), super(C, D()).who(), issubclass(D, A), isinstance(D(), C))
try:
    class Bad(A, B):
        pass
except TypeError as e:
    print("TypeError:", e)
