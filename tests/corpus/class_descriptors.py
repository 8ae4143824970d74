# Data and non-data descriptors, precedence against the instance dict, __set_name__, class access.


class Typed:
    def __set_name__(self, owner, name):
        self.name = "_" + name
        print("  __set_name__", owner.__name__, name)

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, None)

    def __set__(self, obj, value):
        if not isinstance(value, int):
            raise TypeError(f"{self.name[1:]} must be int, got {type(value).__name__}")
        setattr(obj, self.name, value)

    def __delete__(self, obj):
        print("  __delete__")
        delattr(obj, self.name)


class Lazy:
    def __init__(self, fn):
        self.fn = fn

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        v = self.fn(obj)
        obj.__dict__[self.fn.__name__] = v
        print("  computed", self.fn.__name__)
        return v


class Thing:
    count = Typed()

    def __init__(self, base):
        self.base = base

    @Lazy
    def expensive(self):
        return self.base ** 2


def use(t, v):
    out = []
    try:
        t.count = v
        out.append(t.count)
    except TypeError as e:
        out.append(f"TypeError: {e}")
    out.append(t.expensive)
    out.append(t.expensive)
    t.__dict__["count"] = "shadow?"
    out.append(t.count)
    try:
        del t.count
        out.append(t.count)
    except AttributeError as e:
        out.append(f"AttributeError: {e}")
    return out


for v in (1, 2.5, 3, 10 ** 20):
    print(use(Thing(v if isinstance(v, int) else 7), v))
print(type(Thing.count).__name__, type(Thing.expensive).__name__)
