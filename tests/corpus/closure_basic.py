# Closures capturing cell variables, multiple levels of nesting, and shared cells between closures.


def make_adder(n):
    def add(x):
        return x + n
    return add


def make_pair():
    value = []

    def push(x):
        value.append(x)
        return len(value)

    def peek():
        return list(value)

    return push, peek


def three_levels(a):
    def mid(b):
        def inner(c):
            return a + b + c
        return inner
    return mid


for v in (1, 2.5, "s"):
    add = make_adder(v)
    print(add(v), add(v), make_adder([v])([0]))
    push, peek = make_pair()
    print(push(v), push(v), peek(), push.__closure__[0].cell_contents is peek.__closure__[0].cell_contents)
    print(three_levels(v)(v)(v), [three_levels(i)(1)(2) for i in range(3)])
    print(add.__code__.co_freevars, make_adder.__code__.co_cellvars, add.__closure__[0].cell_contents)
