# Truth testing via __bool__, the __len__ fallback, and errors when __bool__ returns a non-bool.


class B:
    def __init__(self, v):
        self.v = v

    def __bool__(self):
        print("  __bool__", self.v)
        return self.v


class L:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        print("  __len__", self.n)
        return self.n


class Neither:
    pass


def truth(x):
    out = []
    try:
        out.append(bool(x))
        out.append(not x)
        out.append("if" if x else "else")
        out.append(1 if x and True else 0)
        n = 0
        while x and n < 2:
            n += 1
        out.append(n)
    except (TypeError, ValueError, OverflowError) as e:
        out.append(f"{type(e).__name__}: {e}")
    return out


for _ in range(3):
    for v in [0, 1, -1, 0.0, -0.0, float("nan"), "", " ", [], [0], (), {}, {0: 0}, set(), None, 0j, range(0), range(1),
              B(True), B(False), L(0), L(3), Neither(), B(1), L(-1), L(2 ** 64)]:
        print(type(v).__name__, truth(v))
