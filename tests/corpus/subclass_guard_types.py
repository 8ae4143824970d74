# One call site fed ints, then floats, then subclasses, then big ints, then back: guards must re-check.


class I(int):
    def __mul__(self, o):
        return "I*"


class F(float):
    def __add__(self, o):
        return "F+"


def f(a, b):
    try:
        return a * b + b if not isinstance(a * b, str) else a * b
    except TypeError as e:
        return "TypeError: " + str(e)


def g(x):
    return x + x


SEQ = [(2, 3), (2.0, 3), (2, 3.5), (I(2), 3), (2, I(3)), (2 ** 70, 3), (F(1.0), 2), (3, 4), (True, 5), ("s", 2),
       ([1], 2), (2, 3)]
for rnd in range(3):
    print([f(a, b) for a, b in SEQ])
    print([g(x) for x in (1, 1.5, F(2.0), I(3), "ab", (1,), [2], 2 ** 63, -1, True)])
