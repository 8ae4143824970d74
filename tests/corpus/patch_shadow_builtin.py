# A global shadows a builtin, then is deleted: lookups fall back to the builtin again.


def use():
    return len([1, 2, 3]), sorted([3, 1, 2]), str(5)


for i in range(6):
    print(i, use())
    if i == 1:
        len = lambda x: "global len"
    if i == 2:
        sorted = lambda x, **k: "global sorted"
    if i == 3:
        del len
    if i == 4:
        del sorted
        str = lambda v: f"global str {v}"
print(use())
del str
print(use())
globals()["len"] = lambda x: -1
print(use())
globals().pop("len")
print(use())
