# __eq__/__hash__ drive dict and set behaviour; unhashable classes; hash collisions with unequal keys.


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __eq__(self, o):
        return isinstance(o, Point) and (self.x, self.y) == (o.x, o.y)

    def __hash__(self):
        return hash((self.x, self.y))

    def __repr__(self):
        return f"P({self.x},{self.y})"


class Collide:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return 42

    def __eq__(self, o):
        print("  eq", self.v, getattr(o, "v", o))
        return isinstance(o, Collide) and self.v == o.v

    def __repr__(self):
        return f"C{self.v}"


class NoHash:
    def __eq__(self, o):
        return True


def index(items):
    d = {}
    for it in items:
        d[it] = d.get(it, 0) + 1
    return d


for _ in range(3):
    print(index([Point(1, 2), Point(1, 2), Point(2, 1), (1, 2)]))
    print(index([Collide(1), Collide(2), Collide(1)]))
    print(len({Point(0, 0), Point(0, 0)}), Point(1, 1) in {Point(1, 1)}, Point(1, 1) == (1, 1), Point(1, 1) != Point(1, 1))
    try:
        {NoHash()}
    except TypeError as e:
        print("TypeError:", e)
    print(NoHash() == 5, NoHash() != 5, NoHash.__hash__ is None, hash(Point(3, 4)) == hash((3, 4)))
