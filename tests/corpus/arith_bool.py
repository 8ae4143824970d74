# bool is an int subclass: arithmetic gives ints, bitwise ops between bools give bools.


def arith(a, b):
    return [a + b, a - b, a * b, a & b, a | b, a ^ b, -a, ~a, +a, a ** b, a << 3, a == 1, a is True]


def total(xs):
    s = 0
    for x in xs:
        s += x
    return s


for _ in range(3):
    for a, b in [(True, True), (True, False), (False, False), (1, True), (True, 2)]:
        print(a, b, arith(a, b))
    print(total([True, True, False, True]), total([1 > 0, 2 > 3, 5 == 5]), sum([True] * 10))
    print(True + 2.5, True * 2.5, 2.5 - True)
    print(True / 2, True // 2, False % 3, divmod(True, 2), True ** -1, int(True), float(False), str(True + 0))
    print(type(True & False).__name__, type(True + False).__name__, type(~True).__name__, type(True ^ 1).__name__)
    print(["no", "yes"][True], {True: "a", 1: "b"}, {1.0: "x", True: "y"}, hash(True), True == 1.0)
