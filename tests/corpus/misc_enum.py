# enum: members, values, iteration order, Flag combinations, IntEnum arithmetic, lookup errors.
import enum


class Color(enum.Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1


class Perm(enum.Flag):
    R = 4
    W = 2
    X = 1


class Level(enum.IntEnum):
    LOW = 10
    HIGH = 20


def describe(c):
    return c.name, c.value, c is Color.RED, repr(c), str(c)


for v in (1, 2, 3):
    print(describe(Color(v)), Color.CRIMSON is Color.RED, [c.name for c in Color], len(Color))
    print(Perm(v | 4), Perm.R | Perm.W, bool(Perm(v) & Perm.X), list(Perm(7)), Level.LOW + v, Level.HIGH > v * 10)
try:
    Color(9)
except ValueError as e:
    print("ValueError:", e)
try:
    Color["PURPLE"]
except KeyError as e:
    print("KeyError:", e)
print(Color["GREEN"], Color.BLUE.value, sorted(Level, reverse=True), Level(20).name, format(Level.LOW, "d"), f"{Color.RED}")
