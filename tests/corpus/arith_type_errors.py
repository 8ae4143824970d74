# Binary operators on unsupported type pairs raise TypeError with CPython's exact messages.


def binop(a, b, op):
    try:
        if op == "+":
            return a + b
        if op == "-":
            return a - b
        if op == "*":
            return a * b
        if op == "/":
            return a / b
        if op == "<":
            return a < b
        if op == "&":
            return a & b
        if op == "**":
            return a ** b
        if op == "@":
            return a @ b
    except (TypeError, OverflowError) as e:
        return f"{type(e).__name__}: {e}"


for _ in range(3):
    for a, b in [(1, "a"), ("a", 1), ([1], (1,)), (None, 1), (1.5, "x"), ({}, {}), ("ab", 3), ([0], 2), ({1}, [1]),
                 (3, None), (1.5, 2 ** 2000)]:
        print(repr(a), repr(b), [binop(a, b, op) for op in ("+", "-", "*", "/", "<", "&", "**", "@")])
