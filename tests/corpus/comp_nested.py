# Deeply nested comprehensions referring to outer loop variables and enclosing function locals.


def pascal(n):
    rows = [[1]]
    for _ in range(n - 1):
        prev = rows[-1]
        rows.append([1] + [prev[i] + prev[i + 1] for i in range(len(prev) - 1)] + [1])
    return rows


def cube(n, scale):
    return [[[scale * (i + j + k) for k in range(n)] for j in range(n)] for i in range(n)]


def nested_filters(words, minlen):
    return [[c for c in w if c not in "aeiou"] for w in words if len(w) >= minlen]


def matrix_mult(a, b):
    return [[sum(x * y for x, y in zip(row, col)) for col in zip(*b)] for row in a]


for n in (1, 4, 6):
    print(pascal(n)[-1], cube(2, n), nested_filters(["alpha", "be", "gamma", "io"], n % 3))
    print(matrix_mult([[1, 2], [3, 4]], [[n, 0], [0, n]]), matrix_mult([[1.5]], [[2]]))
