# int subclasses with overridden operators flowing through code that first saw plain ints.


class MyInt(int):
    def __add__(self, o):
        return MyInt(int(self) + int(o) + 1000)

    def __radd__(self, o):
        return MyInt(int(o) + int(self) + 2000)

    def __eq__(self, o):
        return int(self) % 10 == int(o) % 10

    def __hash__(self):
        return int(self) % 10

    def __lt__(self, o):
        return int(self) > int(o)

    def __repr__(self):
        return f"MyInt({int(self)})"

    def __index__(self):
        return 1


class Plain(int):
    pass


def calc(a, b):
    return a + b, b + a, a - b, a * 2, a == b, a < b, type(a + b).__name__


def loop_sum(xs):
    s = 0
    for x in xs:
        s = s + x
    return s


for _ in range(3):
    for a, b in [(3, 4), (MyInt(3), 4), (3, MyInt(4)), (MyInt(13), MyInt(3)), (Plain(5), 6), (True, MyInt(1))]:
        print(a, b, calc(a, b))
    print(loop_sum([1, 2, 3]), loop_sum([MyInt(1), 2, 3]), loop_sum([Plain(1), Plain(2)]))
    print({MyInt(3): "a", 13: "b"}, [10, 20, 30][MyInt(2)], "abc"[Plain(2)], sorted([MyInt(1), MyInt(5), MyInt(3)]))
    print(Plain(7) + 1, type(Plain(7) + 1).__name__, -Plain(3), type(-MyInt(3)).__name__, isinstance(MyInt(2), int))
