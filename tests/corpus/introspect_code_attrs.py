# Function and code object attributes read from inside and outside compiled functions.


def sample(a, b=1, *args, c, d=2, **kw):
    """Docstring here."""
    local_one = a
    return local_one


def attrs(fn):
    co = fn.__code__
    return (fn.__name__, fn.__qualname__, fn.__doc__, fn.__defaults__, fn.__kwdefaults__, co.co_argcount,
            co.co_kwonlyargcount, co.co_varnames, co.co_name, co.co_firstlineno, fn.__module__, sorted(fn.__dict__),
            fn.__annotations__)


class K:
    def method(self, x: int) -> str:
        return str(x)


for fn in (sample, K.method, attrs, lambda q=1: q):
    print(attrs(fn))
sample.custom = "attr"
print(attrs(sample)[-2], K().method.__func__.__qualname__, [l for _, _, l in sample.__code__.co_lines()][:3])
