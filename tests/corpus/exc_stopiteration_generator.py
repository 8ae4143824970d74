# StopIteration escaping a generator becomes RuntimeError (PEP 479); generator return values.


def leaky():
    yield 1
    next(iter([]))
    yield 2


def returns():
    yield "a"
    return "the return value"


def delegate():
    result = yield from returns()
    yield f"delegate got {result!r}"


def drive(gen):
    out = []
    try:
        for x in gen:
            out.append(x)
    except RuntimeError as e:
        out.append(f"RuntimeError: {e} (cause {type(e.__cause__).__name__})")
    return out


def manual():
    g = returns()
    out = [next(g)]
    try:
        next(g)
    except StopIteration as e:
        out.append(("StopIteration", e.value))
    return out


for _ in range(3):
    print(drive(leaky()), drive(delegate()), manual())
