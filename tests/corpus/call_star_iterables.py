# f(*args) with every kind of iterable: tuples, lists, generators, sets, dicts, strings, ranges, a
# custom iterable and a custom sequence; errors raised while iterating; and non-iterables.


def f(*args, **kwargs):
    return args, sorted(kwargs.items())


class Seq:
    def __len__(self):
        return 2

    def __getitem__(self, i):
        if i >= 2:
            raise IndexError(i)
        return i * 10


class It:
    def __iter__(self):
        yield "a"
        yield "b"


def failing():
    yield 1
    raise ValueError("boom while unpacking")


def call_all(kw):
    out = []
    for args in ((1, 2), [3, 4], (x * 2 for x in range(3)), {7}, {"k": 1}, "hi", range(2), Seq(), It()):
        out.append(f(*args, **kw))
    return out


def call_bad(args):
    return f(*args)


for kw in ({}, {"z": 1}):
    print(call_all(kw))
for bad in (failing(), 5, None, object()):
    try:
        print(call_bad(bad))
    except Exception as e:
        print(type(e).__name__, e)
