# `is` / `is not` preserve object identity through calls, containers and local copies.
SENTINEL = object()


def same(a, b):
    return a is b, a is not b


def passthrough(x):
    y = x
    return y


def find(xs, default=SENTINEL):
    for x in xs:
        if x is None:
            return x
    return default


for _ in range(3):
    big = 10 ** 20
    lst = [1, 2]
    print(same(big, passthrough(big)), same(lst, passthrough(lst)), same(lst, list(lst)), same(lst[:], lst))
    print(same(None, passthrough(None)), same(True, 1 == 1), same(False, not 1), same(..., Ellipsis))
    print(find([1, None]) is None, find([1, 2]) is SENTINEL, find([]) is not SENTINEL)
    f = 1.5
    t = (f,)
    print(same(f, t[0]), same(t, tuple(t)), same(type(f), float), same(int, type(big)), same(NotImplemented, NotImplemented))
    d = {"k": lst}
    print(d["k"] is lst, d.get("k") is lst, d.get("x") is None, [x is lst for x in (lst, [1, 2], d["k"])])
    s = "".join(["ab", "cd"])
    print(s == "abcd", type(s) is str, isinstance(s, str) is True)
