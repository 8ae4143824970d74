# Exact messages of common built-in exceptions raised by operations inside compiled functions.


def attempt(fn):
    try:
        return fn()
    except Exception as e:
        return f"{type(e).__name__}: {e}"


NONE = None
CASES = [lambda: [].pop(), lambda: {}.popitem(), lambda: [1].index(2), lambda: "abc".index("z"), lambda: int("x1"),
         lambda: float("nan!"), lambda: int(None), lambda: list(5), lambda: next(iter(())), lambda: ().x,
         lambda: set().remove(3), lambda: "a" + 1, lambda: NONE(), lambda: hash([]), lambda: chr(-1), lambda: ord("ab"),
         lambda: [1, 2].sort(key=5), lambda: sorted([1, "a"]), lambda: "%d" % "s", lambda: b"a" + "b",
         lambda: (1, 2) + [3], lambda: bytes(-1), lambda: int("1" * 5000), lambda: divmod(1, 0), lambda: "".join([1]),
         lambda: dict(1), lambda: object().__setattr__("x", 1), lambda: tuple().__getitem__(0), lambda: iter(5),
         lambda: max([]), lambda: round("x"), lambda: abs("x"), lambda: getattr(1, 5), lambda: isinstance(1, 5),
         lambda: issubclass(1, int), lambda: super(), lambda: memoryview("s"), lambda: range(1)[5]]

for _ in range(3):
    for i, case in enumerate(CASES):
        print(i, attempt(case))
