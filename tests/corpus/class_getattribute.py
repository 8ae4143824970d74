# __getattribute__ intercepts every attribute access, including methods and existing attributes.


class Spy:
    def __init__(self):
        object.__setattr__(self, "hits", [])
        self.value = 10

    def __getattribute__(self, name):
        if name != "hits":
            object.__getattribute__(self, "hits").append(name)
        if name == "secret":
            return "intercepted"
        if name == "boom":
            raise AttributeError("boom blocked")
        return object.__getattribute__(self, name)

    def __getattr__(self, name):
        return f"fallback:{name}"

    def method(self):
        return self.value * 2


def use(s):
    return s.value, s.method(), s.secret, s.boom, s.missing


for _ in range(3):
    s = Spy()
    print(use(s), s.hits)
    print(use(s), len(s.hits))


class Counted:
    count = 0

    def __getattribute__(self, name):
        type(self).count += 1
        return super().__getattribute__(name)


def touch(c, n):
    for _ in range(n):
        c.__class__
    return Counted.count


for n in (1, 5, 10):
    print(touch(Counted(), n))
