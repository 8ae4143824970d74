# locals() inside functions reflects current values (a snapshot), including closures' free variables.


def snapshot(a, b=2, *args, **kw):
    c = a + b
    first = sorted(locals().items())
    del c
    d = "later"
    return first, sorted(locals())


def with_free(x):
    y = x * 2

    def inner():
        z = y + 1
        return sorted(locals().items())
    return inner()


def mutate_locals():
    v = 1
    locals()["v"] = 99
    return v


for a in (1, 2.5, 10 ** 20):
    print(snapshot(a), snapshot(a, 3, 4, k=5), with_free(a), mutate_locals())
print(sorted(k for k in globals() if not k.startswith("__")))
