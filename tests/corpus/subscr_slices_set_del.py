# Slice assignment (growing, shrinking, extended-slice length rules) and slice deletion.


def assign(xs, start, stop, step, value):
    xs = list(xs)
    try:
        xs[start:stop:step] = value
        return xs
    except (ValueError, TypeError) as e:
        return f"{type(e).__name__}: {e}"


def delete(xs, start, stop, step):
    xs = list(xs)
    try:
        del xs[start:stop:step]
        return xs
    except (ValueError, TypeError) as e:
        return f"{type(e).__name__}: {e}"


BASE = list(range(8))
for _ in range(3):
    print(assign(BASE, 2, 4, None, ["a", "b", "c"]), assign(BASE, 2, 4, None, []), assign(BASE, 0, 0, None, "xy"))
    print(assign(BASE, None, None, 2, "ABCD"), assign(BASE, None, None, 2, "AB"), assign(BASE, None, None, -3, [7, 7, 7]))
    print(assign(BASE, 5, 2, None, [9]), assign(BASE, -2, None, None, range(3)), assign(BASE, 1, 3, None, 5))
    print(assign(BASE, 1, 2, 1, iter([1, 2, 3])), assign(BASE, None, None, 0, []))
    print(delete(BASE, 1, 3, None), delete(BASE, None, None, 2), delete(BASE, None, None, -1), delete(BASE, 6, 2, -2))
    print(delete(BASE, 100, None, None), delete(BASE, None, None, 0))
    b = bytearray(b"hello world")
    b[0:5] = b"HELLO!!"
    del b[-3:]
    b[::2] = b"x" * len(b[::2])
    print(b)
    try:
        t = (1, 2, 3)
        t[0:1] = [5]
    except TypeError as e:
        print("TypeError:", e)
