# Context managers that suppress exceptions (truthy __exit__), selectively, and what code after runs.


class Suppress:
    def __init__(self, *types):
        self.types = types
        self.seen = []

    def __enter__(self):
        return self

    def __exit__(self, et, ev, tb):
        self.seen.append(et.__name__ if et else None)
        return et is not None and issubclass(et, self.types)


class Truthy:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return "yes"


def guarded(v):
    s = Suppress(ZeroDivisionError, KeyError)
    result = "unset"
    with s:
        result = "start"
        result = 10 / v
        result = {"k": 1}[v] if v == "k" else result
    return result, s.seen


def loop_with_suppress(values):
    out = []
    for v in values:
        with Truthy():
            out.append(100 // v)
            continue
        out.append("after with")
    return out


for v in (2, 0, 4.0):
    print(guarded(v))
try:
    print(guarded("k"))
except TypeError as e:
    print("TypeError:", e)
for _ in range(3):
    print(loop_with_suppress([1, 0, 5, 0]))
