# __getattr__ is consulted only after normal lookup fails; AttributeError raised from it propagates.


class Proxy:
    def __init__(self, target):
        self._target = target
        self.local = "local"

    def __getattr__(self, name):
        print("  __getattr__", name)
        if name.startswith("no_"):
            raise AttributeError(f"no attribute {name!r} here")
        return getattr(self._target, name)


class Dyn:
    def __getattr__(self, name):
        return name.upper() * 2


def access(obj, names):
    out = []
    for n in names:
        try:
            v = getattr(obj, n)
            out.append(v() if callable(v) else v)
        except AttributeError as e:
            out.append(f"AttributeError: {e}")
    return out


def direct(p):
    return p.local, p.upper(), p.no_such if hasattr(p, "no_such") else "absent", p.__class__.__name__


for _ in range(3):
    p = Proxy("text")
    print(access(p, ["local", "upper", "no_thing", "title"]))
    print(direct(p))
    d = Dyn()
    print(d.abc, d.x, access(d, ["q", "__len__"]), hasattr(d, "anything"), getattr(d, "k", "default"))
    d.abc = 5
    print(d.abc, vars(d))
