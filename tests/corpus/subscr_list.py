# List indexing: negative indices, bounds errors, bool/big-int indices, item assignment and deletion.


def get(xs, i):
    try:
        return xs[i]
    except (IndexError, TypeError) as e:
        return f"{type(e).__name__}: {e}"


def put(xs, i, v):
    try:
        xs[i] = v
        return list(xs)
    except (IndexError, TypeError) as e:
        return f"{type(e).__name__}: {e}"


def delete(xs, i):
    try:
        del xs[i]
        return list(xs)
    except (IndexError, TypeError) as e:
        return f"{type(e).__name__}: {e}"


for _ in range(3):
    xs = [10, 20, 30]
    print([get(xs, i) for i in (0, 2, 3, -1, -3, -4, True, 2 ** 64, 1.0, "0", None)])
    print([put([1, 2, 3], i, "v") for i in (0, -1, 3, -4, False)])
    print([delete([1, 2, 3], i) for i in (0, -1, 5, 1.5)])
    m = [[1, 2], [3, 4]]
    m[1][0] += 10
    m[-1][-1] = m[0][0] * 100
    print(m, m[0][1], [r[1] for r in m], get(get(m, 1), 1), ([1], 2)[0][0])
