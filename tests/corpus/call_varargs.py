# *args and **kwargs collection; ordering of kwargs is preserved; mutation of the collected objects.


def collect(*args, **kwargs):
    return args, kwargs


def mid(a, *rest, z=0, **kw):
    return a, rest, z, kw


def forward(*a, **k):
    return collect(*a, **k)


def mutate(*args, **kwargs):
    kwargs["added"] = len(args)
    return type(args).__name__, kwargs


for v in (1, "x", (1, 2)):
    print(collect(), collect(v), collect(v, v, k=v), collect(b=1, a=2, c=3), mid(v), mid(v, 1, 2, z=3, w=4))
    print(forward(v, *range(3), **{"k": v}), mutate(v, v), mutate(**{"a": v}))
args = [1, 2]
kw = {"x": 1}
print(collect(*args, **kw), args, kw, collect(*"ab", *b"c", **dict(q=1), r=2))
