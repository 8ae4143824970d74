# float subclasses: overridden arithmetic and repr, reflected operator priority for subclasses.


class Money(float):
    def __add__(self, o):
        return Money(float(self) + float(o))

    __radd__ = __add__

    def __sub__(self, o):
        return Money(float(self) - float(o))

    def __rsub__(self, o):
        return Money(float(o) - float(self))

    def __mul__(self, o):
        return Money(round(float(self) * float(o), 2))

    def __repr__(self):
        return f"${float(self):.2f}"

    def __truediv__(self, o):
        if o == 0:
            return Money("inf")
        return Money(float(self) / o)


def total(prices, qty):
    t = 0.0
    for p in prices:
        t = t + p * qty
    return t


def ops(a, b):
    return a + b, a - b, b - a, a / b, a * b


for _ in range(3):
    print(total([1.5, 2.25], 2), total([Money(1.5), Money(2.25)], 2), total([1, Money(0.1)], 3))
    for a, b in [(1.5, 2.5), (Money(1.5), 2.5), (1.5, Money(2.5)), (Money(3), 0), (Money(1), True)]:
        try:
            print(ops(a, b))
        except ZeroDivisionError as e:
            print("ZeroDivisionError", e)
    print(type(Money(1) ** 2).__name__, Money(2).is_integer(), -Money(3), abs(Money(-3)), float(Money(4)) == 4)
