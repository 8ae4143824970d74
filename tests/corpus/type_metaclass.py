# Metaclasses (__call__, __new__), __init_subclass__, __class_getitem__, class decorators and registries.
registry = []


class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        ns.setdefault("created_by", "Meta")
        cls = super().__new__(mcls, name, bases, ns, **kw)
        registry.append(name)
        return cls

    def __call__(cls, *a, **k):
        inst = super().__call__(*a, **k)
        inst.via_meta = True
        return inst


class Base(metaclass=Meta):
    subclasses = []

    def __init_subclass__(cls, tag="none", **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
        Base.subclasses.append(cls.__name__)

    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item.__name__ if isinstance(item, type) else item}]"

    def __init__(self, v=0):
        self.v = v


def add_hello(cls):
    cls.hello = lambda self: f"hello from {type(self).__name__}"
    return cls


@add_hello
class A(Base, tag="alpha"):
    pass


class B(A):
    pass


def make(cls, v):
    o = cls(v)
    return type(o).__name__, o.v, o.via_meta, getattr(o, "tag", None), o.created_by, o.hello() if hasattr(o, "hello") else None


for v in (1, 2.5, "s"):
    print(make(Base, v), make(A, v), make(B, v))
print(registry, Base.subclasses, Base[int], A["x"], type(A).__name__)
