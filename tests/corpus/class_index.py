# __index__ makes objects usable as sequence indices, slice bounds, range args, bin/hex and shifts.


class Idx:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


class BadIdx:
    def __index__(self):
        return "no"


def use(i):
    seq = list(range(10))
    out = []
    for f in (lambda: seq[i], lambda: seq[i:], lambda: seq[:i:2], lambda: "abcdefghij"[i], lambda: list(range(i)),
              lambda: bin(i), lambda: 1 << i, lambda: [0] * i, lambda: (1, 2, 3) * i, lambda: operator_index(i)):
        try:
            out.append(f())
        except (TypeError, IndexError) as e:
            out.append(f"{type(e).__name__}: {e}")
    return out


def operator_index(i):
    import operator
    return operator.index(i)


for _ in range(3):
    for v in (Idx(3), Idx(-2), 3, True, Idx(True), BadIdx(), 2.0, Idx(20)):
        print(use(v))
