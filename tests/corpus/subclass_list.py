# list subclasses: overridden __getitem__/__setitem__/append/__len__/__iter__ seen by indexing and loops.


class Logged(list):
    def __getitem__(self, i):
        print("  get", i)
        return list.__getitem__(self, i)

    def __setitem__(self, i, v):
        print("  set", i, v)
        list.__setitem__(self, i, v)

    def append(self, v):
        print("  append", v)
        list.append(self, v * 10)

    def __len__(self):
        return list.__len__(self) + 100


class Rev(list):
    def __iter__(self):
        return reversed(list(list.__iter__(self)))


def work(xs):
    xs.append(4)
    xs[0] = xs[1] + xs[-1]
    total = 0
    for x in xs:
        total += x
    return list(xs), len(xs), total, xs[1:3], sum(xs), [*xs], max(xs), sorted(xs)


for _ in range(3):
    print(work([1, 2, 3]))
    print(work(Logged([1, 2, 3])))
    print(work(Rev([1, 2, 3])))
    r = Rev([1, 2]) + [3]
    print(type(r).__name__, r, type(Logged([1]) * 2).__name__, Logged([5]) == [5], bool(Logged()))
