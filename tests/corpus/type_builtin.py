# type() with one and three arguments, dynamic classes, __name__/__qualname__/__module__, type identity.


def make_class(name, base, n):
    def method(self):
        return f"{name}.method {n}"
    return type(name, (base,), {"n": n, "method": method, "__repr__": lambda self: f"<{name} n={self.n}>"})


def kinds(values):
    return [type(v).__name__ for v in values], [type(v) is int for v in values]


for n in range(3):
    C = make_class(f"Dyn{n}", object if n % 2 == 0 else dict, n)
    obj = C()
    print(obj, obj.method(), C.__name__, C.__qualname__, C.__module__, [b.__name__ for b in C.__mro__], type(C).__name__)
    print(kinds([1, True, 1.0, "a", None, C, type, len, make_class]))
print(type(type), type(object), type(None)(), type(1)("5") + 1, type("x")(3), type([])((1, 2)))
try:
    type("Bad", (1,), {})
except TypeError as e:
    print("TypeError:", e)
