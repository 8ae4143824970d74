# dict preserves insertion order across updates, deletions, re-insertions, popitem and merges.


def history(ops):
    d = {}
    for op, k, *v in ops:
        if op == "set":
            d[k] = v[0]
        elif op == "del":
            del d[k]
        elif op == "pop":
            d.pop(k, None)
    return list(d.items())


OPS = [("set", "b", 1), ("set", "a", 2), ("set", "c", 3), ("set", "b", 4), ("del", "a"), ("set", "a", 5),
       ("pop", "c"), ("set", "c", 6), ("set", 1, 7), ("set", 1.0, 8), ("set", True, 9)]
for n in (3, 6, len(OPS)):
    print(history(OPS[:n]))
d = dict.fromkeys("zyx", 0)
d.update(w=1, z=2)
print(list(d), d.popitem(), list(d), list(reversed(d)), list({**d, "y": 9}), list(d | {"a": 1}))
big = {}
for i in range(1000):
    big[i * 7 % 1000] = i
for i in range(0, 1000, 3):
    del big[i]
print(list(big)[:10], len(big), next(iter(big)), list(big.values())[-3:])
