# Augmented assignment on attributes, subscripts and slices evaluates the target expression once.
log = []


class Box:
    def __init__(self):
        self._x = 1

    @property
    def x(self):
        log.append("get x")
        return self._x

    @x.setter
    def x(self, v):
        log.append(f"set x {v}")
        self._x = v


class Seq(list):
    def __getitem__(self, k):
        log.append(f"getitem {k!r}")
        return super().__getitem__(k)

    def __setitem__(self, k, v):
        log.append(f"setitem {k!r} {v!r}")
        super().__setitem__(k, v)


def idx(i):
    log.append(f"idx {i}")
    return i


def get(o):
    log.append("get obj")
    return o


def run(step):
    b = Box()
    get(b).x += step
    s = Seq([1, 2, 3, 4])
    get(s)[idx(1)] *= step
    s[1:3] += [9]
    d = {"k": step}
    d["k"] **= 2
    counts = {}
    for ch in "abracadabra":
        counts[ch] = counts.get(ch, 0) + 1
        counts[ch] -= 0
    out = (b._x, list(s), d, counts, list(log))
    log.clear()
    return out


for step in (2, 3, 1.5, 2):
    print(run(step))
