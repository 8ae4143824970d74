# __defaults__ and __kwdefaults__ changed between calls; mutable default accumulation.


def f(a, b=1, c=2, *, d=3):
    return a, b, c, d


def acc(x, into=[]):
    into.append(x)
    return list(into)


def driver():
    out = []
    for i in range(6):
        if i == 2:
            f.__defaults__ = (10, 20)
        if i == 3:
            f.__kwdefaults__ = {"d": 30}
        if i == 4:
            f.__defaults__ = (99,)
        try:
            out.append(f(i))
        except TypeError as e:
            out.append(f"TypeError: {e}")
    return out


for _ in range(3):
    f.__defaults__ = (1, 2)
    f.__kwdefaults__ = {"d": 3}
    print(driver())
f.__defaults__ = None
f.__kwdefaults__ = None
for args in ((1,), (1, 2, 3), ()):
    try:
        print(f(*args, d=0))
    except TypeError as e:
        print("TypeError:", e)
try:
    f(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
print(acc(1), acc(2), acc(3, []), acc(4))
acc.__defaults__ = ([],)
print(acc(5), acc(6))
