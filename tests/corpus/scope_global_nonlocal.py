# global declarations inside nested functions and loops; nonlocal shadowing a global name.
x = 0
log = []


def bump():
    global x
    x += 1
    return x


def make():
    x = "enclosing"

    def g():
        global x
        return x

    def n():
        nonlocal x
        x = x + "!"
        return x

    return g, n


def declare_in_loop(n):
    for i in range(n):
        global y
        y = i
    return y


for _ in range(3):
    g, n = make()
    print(bump(), g(), n(), n(), g(), declare_in_loop(4), y)
exec("x = 'set by exec'")
print(x, bump.__globals__ is globals())
