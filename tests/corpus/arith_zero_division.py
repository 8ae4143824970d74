# Division by zero in every spelling, with exact messages, across int/float/bool/Fraction/Decimal operands.
from fractions import Fraction
from decimal import Decimal


def div(a, b):
    return a / b


def fdiv(a, b):
    return a // b


def mod(a, b):
    return a % b


def try_all(a, b):
    out = []
    for f in (div, fdiv, mod, divmod, pow):
        try:
            out.append(f(a, b) if f is not pow else pow(b, -1))
        except ZeroDivisionError as e:
            out.append(f"{f.__name__}: ZeroDivisionError: {e}")
        except ArithmeticError as e:
            out.append(f"{f.__name__}: {type(e).__name__}: {e}")
    return out


for _ in range(3):
    for a, b in [(1, 0), (1.0, 0), (1, 0.0), (-0.0, 0.0), (True, False), (10 ** 50, 0), (Fraction(1, 3), 0),
                 (Decimal(1), Decimal(0))]:
        for line in try_all(a, b):
            print(repr(a), repr(b), line)
    x = 5
    try:
        x //= 0
    except ZeroDivisionError as e:
        print("augmented", e, x)
    try:
        x %= 0.0
    except ZeroDivisionError as e:
        print("augmented", e, x)
