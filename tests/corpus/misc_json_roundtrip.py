# json dumps/loads round trips with nesting, unicode, floats, sort_keys, custom default and errors.
import json


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


def encode_default(o):
    if isinstance(o, Point):
        return {"__point__": [o.x, o.y]}
    if isinstance(o, set):
        return sorted(o)
    raise TypeError(f"cannot encode {type(o).__name__}")


def roundtrip(obj):
    try:
        s = json.dumps(obj, default=encode_default, sort_keys=True)
        return s, json.loads(s) == obj
    except (TypeError, ValueError) as e:
        return f"{type(e).__name__}: {e}"


for obj in ({"b": [1, 2.5, None, True], "a": "é"}, [1e100, -0.0, 10 ** 30], Point(1, 2), {3, 1}, {"k": object},
            float("nan"), {1: "int key"}, "quote\"and\\slash\n", [[[]]], {"": {}}):
    print(roundtrip(obj))
print(json.dumps({"x": [1, {"y": 2}]}, indent=2), json.loads("[1, 2.0, \"x\", null, false]"))
try:
    json.loads("{bad json}")
except json.JSONDecodeError as e:
    print("JSONDecodeError:", e.msg, e.lineno, e.colno)
