# __slots__: no instance dict, AttributeError for unknown attributes, slots in subclasses, unset slots.


class P:
    __slots__ = ("x", "y")

    def __init__(self, x):
        self.x = x


class Q(P):
    __slots__ = ("z",)


class R(P):
    pass


def probe(obj):
    out = [obj.x]
    for name in ("y", "z", "w"):
        try:
            setattr(obj, name, 1)
            out.append(getattr(obj, name))
        except AttributeError as e:
            out.append(f"AttributeError: {e}")
    try:
        del obj.y
        out.append(hasattr(obj, "y"))
        print(obj.y)
    except AttributeError as e:
        out.append(f"AttributeError: {e}")
    out.append(hasattr(obj, "__dict__"))
    return out


for _ in range(3):
    print(probe(P(1)), probe(Q(2)), probe(R(3)))
    print(P.__slots__, type(P.x).__name__, sorted(vars(R(4))))
