# dict methods and views: get/setdefault/pop/update/copy/views arithmetic, with various key types.


def exercise(keys):
    d = {}
    for i, k in enumerate(keys):
        d.setdefault(k, []).append(i)
    out = [d.get(keys[0]), d.get("absent", "dflt"), d.pop(keys[-1]), d.pop("absent", None), len(d)]
    c = d.copy()
    c[keys[0]].append("shared")
    out.append(d[keys[0]])
    ks = d.keys()
    d["new"] = 0
    out.append(list(ks))
    out.append(sorted(ks & {"new", keys[0]}, key=repr))
    out.append(sorted(ks - {"new"}, key=repr))
    out.append(list(d.items())[:2])
    out.append(("new", 0) in d.items())
    return out


for keys in (["a", "b", "a", "c"], [1, 2, 1, 3], [(1, 2), None, (1, 2), 2.5]):
    print(exercise(keys))
try:
    {}.pop("x")
except KeyError as e:
    print("KeyError:", e)
d = {"x": 1}
try:
    for k in d:
        d["y"] = 2
except RuntimeError as e:
    print("RuntimeError:", e)
d2 = {"a": 1, "b": 2}
try:
    for k in d2:
        d2.pop("b", None)
        d2["c"] = 3
except RuntimeError as e:
    print("RuntimeError:", e)
print(d2)
