# Building lists/tuples/dicts/sets from displays and unpacking them into names, including swaps.


def build(a, b):
    return [a, b], (a, b), {a: b}, {a, b} if isinstance(a, int) else None, (a,), [], (), {}


def swap(a, b):
    a, b = b, a
    return a, b


def rotate(a, b, c):
    a, b, c = b, c, a
    return a, b, c


def unpack(seq):
    x, y, z = seq
    return z, y, x


for v in (1, 2.5, "s"):
    print(build(v, v * 2), swap(v, [v]), rotate(v, 2, 3))
    print(unpack([v, 2, 3]), unpack("abc"), unpack(range(3)), unpack({v: 0, "k": 1, None: 2}), unpack(iter((1, 2, 3))))
    (p, q), r = (v, 5), 6
    [s, [t, u]] = [1, (2, v)]
    print(p, q, r, s, t, u)
    i = j = k = v
    print(i, j, k)
