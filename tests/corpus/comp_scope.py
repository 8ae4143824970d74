# Comprehension scoping: the loop variable doesn't leak; class-body comprehensions can't see class names.
x = "global x"


def no_leak():
    x = "local x"
    ys = [x for x in range(3)]
    return x, ys


def sees_enclosing(k):
    return [k * i for i in range(3)], {i: k for i in range(2)}


class C:
    base = 10
    values = [i for i in range(3)]
    try:
        scaled = [base * i for i in range(3)]
    except NameError as e:
        scaled = f"NameError: {e}"
    first_iter_ok = [v for v in [base, base + 1]]


def walrus_in_comp(xs):
    total = 0
    partial = [total := total + x for x in xs]
    return partial, total


for k in (2, "a", 1.5):
    print(no_leak(), sees_enclosing(k), walrus_in_comp([1, 2, 3]))
print(C.values, C.scaled, C.first_iter_ok, x)
