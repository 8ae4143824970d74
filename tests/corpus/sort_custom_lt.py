# Sorting objects that define only __lt__ (and one that raises mid-sort); min/max/heapq on them.
import heapq


class Task:
    def __init__(self, pri, name):
        self.pri, self.name = pri, name

    def __lt__(self, other):
        return (self.pri, self.name) < (other.pri, other.name)

    def __repr__(self):
        return f"{self.name}:{self.pri}"


class Touchy:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        if self.v == 3 or other.v == 3:
            raise ValueError("cannot compare 3")
        return self.v < other.v


def order(items):
    h = list(items)
    heapq.heapify(h)
    return sorted(items), min(items), max(items), [heapq.heappop(h) for _ in range(len(h))]


for n in (3, 5, 6):
    tasks = [Task((i * 7) % n, chr(97 + i)) for i in range(n)]
    print(order(tasks))
data = [Touchy(v) for v in (5, 1, 3, 2)]
try:
    data.sort()
except ValueError as e:
    print("ValueError:", e, [t.v for t in data])
