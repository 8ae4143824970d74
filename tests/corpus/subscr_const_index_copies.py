# `v[0] -= x` copies the constant index (COPY): the compiled code uses the constant directly, and
# every other kind of container or index still behaves as CPython's.


class Seq:
    def __init__(self):
        self.data = {0: 1.5, 1: 2.5}

    def __getitem__(self, i):
        return self.data[i]

    def __setitem__(self, i, v):
        self.data[i] = v * 10


def step(v, x):
    v[0] -= x
    v[1] += x * 2
    v[-1] *= 3
    return v


print(step([1.0, 2.0, 3.0], 0.5))
print(step([1, 2, 3], 4))
print(step(Seq(), 1.0).data if False else "Seq:", step.__name__)
s = Seq()
s.data[-1] = 7.0
print(step(s, 1.0).data)
print(step({0: 1, 1: 2, -1: 3}, 1))
try:
    step([1.0], 2.0)
except IndexError as e:
    print("IndexError", e)
try:
    step((1.0, 2.0), 1.0)
except TypeError as e:
    print("TypeError", e)
