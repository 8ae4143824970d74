# & | ^ - on sets/frozensets/dict views and bools, with operand types switching at the same call site.


def combo(a, b):
    return a & b, a | b, a ^ b


def show(t):
    return [sorted(x) if isinstance(x, (set, frozenset)) else x for x in t]


for _ in range(3):
    print(show(combo({1, 2, 3}, {2, 3, 4})))
    print(show(combo(frozenset("abc"), {"b", "z"})), type(frozenset() | set()).__name__, type(set() | frozenset()).__name__)
    print(show(combo({"a": 1, "b": 2}.keys(), {"b", "c"})))
    print(combo(True, False), combo(6, 3), combo(True, 3))
    print(sorted({1, 2, 3} - {2}), sorted({3, 1} - set()), {1: 1} | {2: 2}, {1: 1, 2: 2} | {1: "x"})
    try:
        print({1} & [1])
    except TypeError as e:
        print("TypeError:", e)
