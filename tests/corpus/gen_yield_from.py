# yield from delegation: values, send passthrough, return values, exceptions forwarded to subgenerators.


def inner(tag):
    got = yield f"{tag}-1"
    got2 = yield f"{tag}-2 got {got}"
    return f"{tag} returned {got2}"


def outer():
    r1 = yield from inner("a")
    yield r1
    r2 = yield from inner("b")
    yield r2
    yield from range(3)
    yield from "xy"


def flatten(nested):
    for x in nested:
        if isinstance(x, list):
            yield from flatten(x)
        else:
            yield x


def run():
    g = outer()
    out = [next(g)]
    for v in ("s1", "s2", None, "s3", "s4", None, None, None, None, None):
        try:
            out.append(g.send(v))
        except StopIteration:
            out.append("stop")
            break
    return out


for _ in range(3):
    print(run())
    print(list(flatten([1, [2, [3, [4, []]], 5], [[6]]])))
