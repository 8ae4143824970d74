# del on locals, globals, attributes, items, slices and tuples of targets; errors afterwards.
G = "global"


class O:
    pass


def locals_del(v):
    a = v
    b = [v, v, v, v]
    del a
    try:
        a
    except UnboundLocalError as e:
        r1 = str(e)
    del b[0], b[-1]
    del b[:1]
    return r1, b


def global_del():
    global G
    del G
    try:
        return G
    except NameError as e:
        return str(e)


def attr_item_del(v):
    o = O()
    o.x = v
    d = {"k": v, "j": 2}
    del o.x, d["k"]
    out = [hasattr(o, "x"), d]
    for target in ("attr", "item", "name"):
        try:
            if target == "attr":
                del o.x
            elif target == "item":
                del d["k"]
            else:
                del undefined_name_here
        except (AttributeError, KeyError, NameError) as e:
            out.append(f"{type(e).__name__}: {e}")
    return out


for v in (1, "s", 2.5):
    print(locals_del(v), attr_item_del(v))
    G = "global again"
    print(global_del(), global_del() if "G" in globals() else "already gone")
