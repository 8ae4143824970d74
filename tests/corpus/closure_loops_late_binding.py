# Closures created in loops bind late (they see the final value) unless the value is captured.


def late():
    fs = []
    for i in range(4):
        fs.append(lambda: i)
    return [f() for f in fs]


def early():
    fs = []
    for i in range(4):
        fs.append(lambda i=i: i)
    return [f() for f in fs]


def factory():
    def make(i):
        return lambda: i * 10
    return [make(i)() for i in range(4)]


def comp_closures():
    fs = [lambda: j for j in range(3)]
    gs = [(lambda k: lambda: k)(j) for j in range(3)]
    return [f() for f in fs], [g() for g in gs]


def rebinding():
    x = 1
    f = lambda: x
    a = f()
    x = 2
    b = f()
    x = "three"
    return a, b, f()


for _ in range(3):
    print(late(), early(), factory(), comp_closures(), rebinding())
