# sorted/list.sort with key functions, reverse, stability, multi-key tuples and cmp_to_key.
import functools

PEOPLE = [("ann", 31, 5.5), ("bob", 25, 6.1), ("cid", 31, 5.9), ("dee", 25, 5.5), ("eve", 40, 5.0), ("Ann", 31, 5.5)]


def by(index):
    return lambda p: p[index]


def compare(a, b):
    return (a[1] > b[1]) - (a[1] < b[1]) or (b[0] > a[0]) - (b[0] < a[0])


def sorts(data):
    return [sorted(data, key=by(1)), sorted(data, key=by(1), reverse=True), sorted(data, key=lambda p: (-p[1], p[0])),
            sorted(data, key=lambda p: p[0].lower()), sorted(data, key=functools.cmp_to_key(compare)),
            sorted(data, key=by(2))]


for _ in range(3):
    for line in sorts(PEOPLE):
        print([p[0] for p in line])
    xs = [3, 1, 2]
    xs.sort(key=lambda v: -v)
    print(xs, sorted("banana"), sorted({3: "c", 1: "a"}), sorted([1.5, -2, 3, True, 0]), sorted([[2, 1], [1, 9], [1, 2]]))
    try:
        sorted([1, "a", 2])
    except TypeError as e:
        print("TypeError:", e)
