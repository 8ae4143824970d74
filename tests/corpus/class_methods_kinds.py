# classmethod, staticmethod and instance methods called through instances, classes and subclasses.


class Base:
    tag = "base"

    def inst(self, v):
        return f"{type(self).__name__}.inst({v})"

    @classmethod
    def cm(cls, v):
        return f"{cls.__name__}.cm({v}, {cls.tag})"

    @staticmethod
    def sm(v):
        return f"sm({v})"

    @classmethod
    def make(cls, *a):
        return cls(*a) if a else cls()


class Child(Base):
    tag = "child"

    @classmethod
    def cm(cls, v):
        return "child:" + super().cm(v)


def call_all(obj_or_cls, v):
    out = [obj_or_cls.cm(v), obj_or_cls.sm(v)]
    if not isinstance(obj_or_cls, type):
        out.append(obj_or_cls.inst(v))
    else:
        out.append(obj_or_cls.inst(obj_or_cls(), v))
    return out


for v in (1, "two", 3.0):
    for target in (Base, Base(), Child, Child()):
        print(call_all(target, v))
print(type(Child.make()).__name__, Base.__dict__["sm"].__func__(5), Child.cm.__self__ is Child, Child().inst.__func__ is Base.inst)
try:
    Base.inst(5)
except TypeError as e:
    print("TypeError:", e)
