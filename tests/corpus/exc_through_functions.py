# Exceptions propagating through several compiled frames, caught at different depths, tracebacks walked.


def d(x):
    if x == "div":
        return 1 / 0
    if x == "key":
        return {}[x]
    if x == "attr":
        return x.nothing
    return len(x)


def c(x):
    return d(x) + 1


def b(x):
    try:
        return c(x) * 2
    except KeyError:
        return "b caught KeyError"


def a(x):
    try:
        return b(x)
    except ZeroDivisionError as e:
        frames = []
        tb = e.__traceback__
        while tb is not None:
            frames.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
            tb = tb.tb_next
        return f"a caught {e!r} via {frames}"


for _ in range(3):
    for x in ("ok", "div", "key", "attr"):
        try:
            print(a(x))
        except AttributeError as e:
            print("top caught", e, e.__traceback__.tb_next.tb_frame.f_code.co_name)
