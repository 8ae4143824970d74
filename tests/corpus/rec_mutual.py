# Mutual recursion between functions, including through methods and a global that is rebound.


def is_even(n):
    return True if n == 0 else is_odd(n - 1)


def is_odd(n):
    return False if n == 0 else is_even(n - 1)


class Expr:
    def __init__(self, op, *kids):
        self.op, self.kids = op, kids

    def eval(self):
        return evaluate(self)


def evaluate(e):
    if not isinstance(e, Expr):
        return e
    vals = [k.eval() if isinstance(k, Expr) else k for k in e.kids]
    if e.op == "+":
        return sum(vals)
    if e.op == "*":
        r = 1
        for v in vals:
            r *= v
        return r
    return -vals[0]


tree = Expr("+", 1, Expr("*", 2, 3, Expr("-", 4)), Expr("+", 2 ** 64, 0.5))
for _ in range(3):
    print([is_even(n) for n in range(8)], is_odd(101), tree.eval(), evaluate(7))
