# Fraction and Decimal interoperating with int and float operators.
from decimal import Decimal, getcontext
from fractions import Fraction


def combine(a, b):
    out = []
    for op in ("+", "-", "*", "/", "//", "%", "<", "=="):
        try:
            out.append(eval(f"a {op} b", {"a": a, "b": b}))
        except TypeError as e:
            out.append("TypeError: " + str(e))
    return out


getcontext().prec = 20
for _ in range(3):
    for a, b in [(Fraction(1, 3), 2), (2, Fraction(3, 4)), (Fraction(1, 3), 0.5), (Decimal("1.1"), 3),
                 (Decimal("10"), Decimal("3")), (Decimal("1.5"), 1.5), (Fraction(7, 2), Fraction(-1, 2))]:
        print(repr(a), repr(b), combine(a, b))
    print(sum(Fraction(1, n) for n in range(1, 11)), Decimal(1) / Decimal(7), Fraction(0.1), Decimal(0.1))
