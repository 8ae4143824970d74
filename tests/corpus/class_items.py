# __getitem__/__setitem__/__delitem__ on a user mapping, with int, str, tuple and slice keys.


class Store:
    def __init__(self):
        self.data = {}
        self.log = []

    def __getitem__(self, k):
        self.log.append(("get", k))
        if isinstance(k, slice):
            return ("slice", k.start, k.stop, k.step)
        return self.data[k]

    def __setitem__(self, k, v):
        self.log.append(("set", k))
        self.data[k] = v

    def __delitem__(self, k):
        self.log.append(("del", k))
        del self.data[k]


def exercise(s, key):
    s[key] = "v"
    out = [s[key]]
    s[key, 2] = "tuple"
    out.append(s[key, 2])
    out.append(s[1:2])
    out.append(s[::key] if isinstance(key, int) else s[key:])
    del s[key]
    try:
        del s[key]
    except KeyError as e:
        out.append(f"KeyError: {e}")
    try:
        s[key]
    except KeyError as e:
        out.append(f"KeyError: {e}")
    return out


for key in (1, "k", 2.5, (1, 2), None):
    s = Store()
    print(exercise(s, key), s.log)


class ReadOnly:
    def __getitem__(self, k):
        return k


r = ReadOnly()
for op in ("set", "del"):
    try:
        if op == "set":
            r[0] = 1
        else:
            del r[0]
    except TypeError as e:
        print("TypeError:", e)
