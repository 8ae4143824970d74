# __setattr__/__delattr__ hooks, frozen objects, and object.__setattr__ bypass.


class Frozen:
    def __init__(self, x):
        object.__setattr__(self, "x", x)

    def __setattr__(self, name, value):
        raise AttributeError(f"cannot set {name!r}: frozen")

    def __delattr__(self, name):
        raise AttributeError(f"cannot delete {name!r}: frozen")


class Validating:
    def __setattr__(self, name, value):
        print("  set", name, value)
        if name == "age" and isinstance(value, int) and value < 0:
            raise ValueError("age must be >= 0")
        super().__setattr__(name, value * 2 if isinstance(value, int) else value)

    def __delattr__(self, name):
        print("  del", name)
        super().__delattr__(name)


def mutate(obj, value):
    out = []
    for action in ("set", "del", "del"):
        try:
            if action == "set":
                obj.age = value
                out.append(obj.age)
            else:
                del obj.age
                out.append("deleted")
        except (AttributeError, ValueError) as e:
            out.append(f"{type(e).__name__}: {e}")
    return out


for _ in range(3):
    for v in (5, -1, "str"):
        print(mutate(Validating(), v))
    f = Frozen(3)
    print(mutate(f, 1), f.x)
    object.__setattr__(f, "x", 4)
    print(f.x)
