# Attribute loads, stores and method calls that tier 0 specialised (instance values, methods found on the
# type), then everything their checks guard against, in the middle of hot loops: the class changed (a
# method replaced, a class attribute added), an instance attribute deleted or shadowing a method, the
# instance dict materialised by vars(), another class, __slots__, and a property.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)

    def move(self, dx):
        self.x = self.x + dx
        return self


class Other:
    def __init__(self):
        self.y = "other y"
        self.x = "other x"

    def norm1(self):
        return "other norm"


class Slotted:
    __slots__ = ("x", "y")

    def __init__(self):
        self.x, self.y = 10, 20

    def norm1(self):
        return self.x * self.y


class WithProperty(Point):
    @property
    def x(self):
        return "property x"

    @x.setter
    def x(self, value):
        self.__dict__["_x"] = value


def total(points):
    s = []
    for p in points:
        s.append((p.x, p.norm1()))
    return s


def shift(points, dx):
    for p in points:
        p.move(dx)
        p.y = p.y


pts = [Point(i, -i) for i in range(5)]
for _ in range(30):
    shift(pts, 1)
print(total(pts))
print(total([Other(), Slotted()] + pts[:2]))
Point.norm1 = lambda self: "replaced"
print(total(pts[:2]))
Point.extra = 1
del pts[0].x
try:
    print(total(pts[:1]))
except AttributeError as e:
    print("AttributeError:", e)
pts[1].norm1 = lambda: "instance attribute shadows the method"
vars(pts[2])["x"] = "through the dict"
print(total(pts[1:3]))
shift(pts[1:3], 0) if isinstance(pts[2].x, int) else print("skipped shift of a str x")
w = WithProperty(1, 2)
print(total([w]), w.__dict__)
del Point.norm1
try:
    total(pts[3:])
except AttributeError as e:
    print("AttributeError:", e)
