# Integer arithmetic: + - * / // % ** with signs, zero, and operand types changing between calls.

def ops(a, b):
    return (a + b, a - b, a * b, a / b, a // b, a % b, divmod(a, b))


def powers(a, b):
    return a ** b


def run():
    pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 5), (1, 1), (123456789, 1000), (-1, 3)]
    for a, b in pairs:
        print(a, b, ops(a, b))
    # floats after ints: same code, different types
    for a, b in [(7.0, 2), (7, 2.0), (-7.5, 2), (True, 2), (7, True)]:
        print(a, b, ops(a, b))
    for a, b in [(2, 10), (-2, 3), (3, 0), (0, 0), (10, -1), (2, -2), (-3, -3), (7, 1)]:
        print(a, b, powers(a, b))


for _ in range(3):
    run()
