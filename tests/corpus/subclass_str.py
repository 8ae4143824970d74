# str subclasses: overridden __add__/__mod__/__getitem__/__len__/__contains__ vs the builtin fast paths.


class Shout(str):
    def __add__(self, o):
        return Shout(str.__add__(self, o).upper())

    def __getitem__(self, k):
        return Shout(str.__getitem__(self, k) * 2)

    def __len__(self):
        return 99

    def __contains__(self, x):
        return True

    def __mod__(self, o):
        return "mod(" + str.__mod__(self, o) + ")"

    def __str__(self):
        return "Shout!" + str.__str__(self)


class Quiet(str):
    pass


def use(s):
    return s + "x", s[0], s[1:], len(s), "zz" in s, s.upper(), s * 2, type(s + "!").__name__, f"{s}", str(s)


for _ in range(3):
    for s in ["abc", Shout("abc"), Quiet("abc")]:
        print(use(s))
    print(Shout("%d-%s") % (1, "a"), "%s" % Shout("q"), "{}".format(Shout("f")), Shout("a") == "a", hash(Quiet("a")) == hash("a"))
    print(sorted([Quiet("b"), "a", Shout("c")]), Quiet("x").join(["1", "2"]), type(Quiet("x").strip()).__name__)
