# Structural pattern matching: literals, captures, sequences, mappings, classes, guards, or-patterns.
from dataclasses import dataclass


@dataclass
class Point:
    x: int
    y: int


def describe(v):
    match v:
        case 0 | 0.0:
            return "zero"
        case True:
            return "true"
        case int(n) if n < 0:
            return f"negative int {n}"
        case int() | float():
            return f"number {v}"
        case "":
            return "empty string"
        case str(s):
            return f"string of {len(s)}"
        case []:
            return "empty seq"
        case [x]:
            return f"one item {x}"
        case [x, y, *rest]:
            return f"seq {x},{y} rest={rest}"
        case {"type": "circle", "r": r}:
            return f"circle r={r}"
        case {"type": t, **others}:
            return f"shape {t} with {sorted(others)}"
        case Point(x=0, y=0):
            return "origin"
        case Point(x=0, y=y):
            return f"on y axis at {y}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Point():
            return "some point"
        case None:
            return "none"
        case _:
            return f"other {type(v).__name__}"


Point.__match_args__ = ("x", "y")
for _ in range(3):
    for v in (0, 0.0, True, False, -4, 7, 2.5, "", "abc", [], [1], (1, 2, 3, 4), {"type": "circle", "r": 2},
              {"type": "sq", "w": 1, "h": 2}, {"r": 1}, Point(0, 0), Point(0, 5), Point(3, 3), Point(1, 2), None, {1, 2}):
        print(repr(v), "->", describe(v))
