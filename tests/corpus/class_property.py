# Properties with getter/setter/deleter; a property replaced on the class mid-loop.


class Temp:
    def __init__(self, c):
        self._c = c

    @property
    def f(self):
        return self._c * 9 / 5 + 32

    @f.setter
    def f(self, v):
        self._c = (v - 32) * 5 / 9

    @f.deleter
    def f(self):
        self._c = None

    @property
    def ro(self):
        return "read-only"


def read(t):
    return t.f


for i in range(6):
    t = Temp(i * 10)
    print(i, read(t))
    if i == 2:
        Temp.f = property(lambda self: "patched property")
    if i == 4:
        Temp.f = 123
t = Temp(5)
del Temp.f
for attempt in ("get", "set"):
    try:
        print(t.f if attempt == "get" else setattr(t, "ro", 1))
    except AttributeError as e:
        print("AttributeError:", e)


class T2(Temp):
    pass


def roundtrip(t, v):
    try:
        t.f = v
        r = t.f
        del t.f
        return r, t._c
    except AttributeError as e:
        return "AttributeError: " + str(e)


Temp.f = property(Temp.__dict__["ro"].fget, lambda self, v: setattr(self, "_c", v), lambda self: setattr(self, "_c", "gone"))
for v in (212, 32.0, 100):
    print(roundtrip(T2(0), v), roundtrip(Temp(0), v))
