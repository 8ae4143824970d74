# Positional and keyword arguments bound to parameters in every order.


def f(a, b, c=3, d=4):
    return (a, b, c, d)


def call_many(x):
    return [f(x, 2), f(x, b=2), f(b=x, a=1), f(x, 2, 3), f(x, 2, d=x), f(1, 2, 3, x), f(a=x, b=x, c=x, d=x),
            f(x, *[2], **{"d": 9})]


for x in (1, "s", 2.5, None, [0]):
    print(call_many(x))
