# An exception raised inside an except block gets the handled exception as __context__.


def handler_fails(n):
    try:
        return [1, 2][n]
    except IndexError as e:
        return {}["missing-" + str(n)]


def describe(e):
    parts = []
    while e is not None:
        parts.append(f"{type(e).__name__}({e})")
        e = e.__context__
    return " <- ".join(parts)


def nested(n):
    try:
        try:
            raise ValueError(n)
        except ValueError:
            raise TypeError("second")
    except TypeError as t:
        try:
            raise RuntimeError("third")
        except RuntimeError as r:
            return describe(r), r.__context__ is t, t.__suppress_context__


for n in (0, 5, 7):
    try:
        print(handler_fails(n))
    except KeyError as e:
        print(describe(e), type(e.__context__).__name__)
    print(nested(n))
