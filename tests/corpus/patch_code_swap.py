# func.__code__ swapped between calls: the new code must run, with its own constants and names.


def f(a, b):
    return a + b


def g(a, b):
    return a * b + 1000


def h(a, b):
    return f"{a}|{b}"


def k(a, b, c=5):
    return (a, b, c)


def driver():
    out = []
    codes = [f.__code__, g.__code__, h.__code__, f.__code__]
    for i in range(8):
        f.__code__ = codes[i % 4]
        out.append(f(i, 2))
    return out


orig = f.__code__
for _ in range(3):
    print(driver())
f.__code__ = orig
print([f(1, 2) for _ in range(3)])
try:
    f.__code__ = k.__code__
    print(f(1, 2))
except (TypeError, ValueError) as e:
    print(type(e).__name__, e)
f.__code__ = orig


def make_closure(v):
    def inner():
        return v
    return inner


try:
    f.__code__ = make_closure(1).__code__
except ValueError as e:
    print("ValueError:", e)
print(f(3, 4), f.__name__, f.__code__.co_name)
