# Attribute get/set/del on instances, classes, modules and builtins, with exact AttributeError messages.
import math


class Obj:
    cls_attr = 1


def cycle(o, name, value):
    out = []
    try:
        setattr(o, name, value)
        out.append(getattr(o, name))
        delattr(o, name)
        out.append(hasattr(o, name))
        out.append(getattr(o, name, "default"))
        getattr(o, name)
    except (AttributeError, TypeError) as e:
        out.append(f"{type(e).__name__}: {e}")
    return out


def dotted(o):
    o.a = 1
    o.b = o.a + 1
    o.a += o.b
    del o.b
    try:
        return o.a, o.b
    except AttributeError as e:
        return o.a, f"AttributeError: {e}"


for _ in range(3):
    print(cycle(Obj(), "x", 1), cycle(Obj(), "cls_attr", 2), cycle(Obj, "new", 3), cycle(5, "real", 1))
    print(cycle("s", "upper", 1), cycle([], "foo", 2), cycle(math, "tmp_attr", 4), cycle(Obj(), "__class__", 5))
    print(dotted(Obj()), dotted(type("T", (), {})()))
    try:
        math.no_such_function
    except AttributeError as e:
        print("AttributeError:", e)
    try:
        None.thing
    except AttributeError as e:
        print("AttributeError:", e)
