# Class attributes and methods changed while a loop keeps calling them: lookups must see each change.


class Root:
    pass


class OtherRoot:
    def area(self):
        return "from new base"


class Shape(Root):
    sides = 3

    def area(self):
        return "triangle-ish"


def survey(obj):
    try:
        return obj.sides, obj.area()
    except AttributeError as e:
        return "AttributeError: " + str(e)


def loop():
    s = Shape()
    for i in range(12):
        print(i, survey(s))
        if i == 2:
            Shape.sides = 4
        elif i == 4:
            Shape.area = lambda self: f"square with {self.sides}"
        elif i == 6:
            s.sides = "instance"
        elif i == 8:
            del s.sides
            del Shape.area
        elif i == 9:
            Shape.area = lambda self: "restored"
        elif i == 10:
            Shape.__bases__ = (OtherRoot,)
            del Shape.area


loop()


class Counter:
    n = 0


def bump(times):
    for _ in range(times):
        Counter.n += 1
    return Counter.n


print(bump(3), bump(5), bump(0))
