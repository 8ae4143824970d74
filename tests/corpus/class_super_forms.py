# Every form of LOAD_SUPER_ATTR: zero- and two-argument super(), attribute and method loads, a first
# argument that is a cell, classmethods, properties and data through super, and its errors.


class Base:
    label = "base-label"

    def __init__(self, x):
        self.x = x

    def describe(self, suffix=""):
        return f"Base({self.x}){suffix}"

    @property
    def doubled(self):
        return self.x * 2

    @classmethod
    def make(cls, x):
        return cls(x)

    def __getattr__(self, name):
        return f"missing:{name}"


class Child(Base):
    label = "child-label"

    def __init__(self, x, y=5):
        super().__init__(x)
        super(Child, self).__init__(x + 0)
        self.y = y

    def describe(self, suffix=""):
        inner = super().describe(suffix)
        also = super(Child, self).describe("!")
        return f"Child[{inner}|{also}|{super().label}|{super().doubled}]"

    @classmethod
    def make(cls, x):
        made = super().make(x)
        return ("made", type(made).__name__)

    def closure_self(self):
        def inner():
            return self.y
        return super().describe(), inner()

    def lookups(self):
        try:
            super().nothing_here
        except AttributeError as e:
            first = str(e)
        return first, self.nothing_here


def no_args_super():
    return super().x


class NotAClass:
    pass


def bad_two_arg(obj):
    return super(NotAClass, obj).anything


for i in range(3):
    c = Child(i, i * 10)
    print(c.describe(), c.describe("?"), Child.make(i), c.closure_self(), c.lookups())
for f, args in ((no_args_super, ()), (bad_two_arg, (1,)), (bad_two_arg, (NotAClass(),))):
    try:
        print(f(*args))
    except Exception as e:
        print(type(e).__name__, e)
