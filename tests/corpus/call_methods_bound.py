# Bound and unbound methods: stored, compared, re-bound, __self__/__func__, methods on builtins.


class Counter:
    def __init__(self, start):
        self.n = start

    def inc(self, by=1):
        self.n += by
        return self.n


def drive(method, times):
    for _ in range(times):
        r = method()
    return r


for start in (0, 10, 2.5):
    c = Counter(start)
    bound = c.inc
    print(drive(bound, 3), drive(c.inc, 2), Counter.inc(c, 100), bound.__self__ is c, bound.__func__ is Counter.inc)
    print(bound == c.inc, bound is c.inc, c.inc.__name__, type(bound).__name__, type(Counter.inc).__name__)
append = [].append
lst = []
add = lst.append
for i in range(3):
    add(i)
print(lst, append.__self__, str.upper("abc"), list.__len__([1, 2]), dict.fromkeys("ab"), (1).__add__(2), "a".__mul__(3))
up = "hello".upper
print([up() for _ in range(3)], type(up).__name__, up.__self__)
m = Counter(1).inc
Counter.inc = lambda self, by=1: "replaced"
print(m(), Counter(1).inc())
