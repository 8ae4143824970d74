# One call site seeing many receiver types in rotation: attribute loads and method calls on each.


class A:
    def __init__(self):
        self.x = 1

    def f(self):
        return "A.f"


class B:
    x = 2

    def f(self):
        return "B.f"


class C(A):
    def f(self):
        return "C.f+" + super().f()


class D:
    __slots__ = ("x",)

    def __init__(self):
        self.x = 4

    def f(self):
        return "D.f"


class E:
    def __getattr__(self, name):
        return 5 if name == "x" else (lambda: "E.f")


def visit(objs):
    out = []
    for o in objs:
        out.append((o.x, o.f()))
    return out


objs = [A(), B(), C(), D(), E()]
for rnd in range(4):
    print(visit(objs[rnd:] + objs[:rnd]))
ns = type("NS", (), {})()
ns.x = 6
ns.f = lambda: "NS.f"
print(visit([ns, A(), ns]))
