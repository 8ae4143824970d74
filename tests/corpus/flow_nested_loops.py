# Nested loops with break/continue at several depths and loop-carried state.


def grid(n):
    out = []
    for i in range(n):
        row = []
        for j in range(n):
            if j > i:
                break
            if (i + j) % 3 == 0:
                continue
            row.append(i * j)
        out.append(row)
    return out


def find_triplet(limit):
    for a in range(1, limit):
        for b in range(a, limit):
            c2 = a * a + b * b
            c = int(c2 ** 0.5)
            if c * c == c2 and c < limit:
                return a, b, c
    return None


def matrix_walk(m):
    acc = 0
    i = 0
    while i < len(m):
        for v in m[i]:
            if v < 0:
                break
            acc += v
        else:
            acc *= 2
        i += 1
    return acc


for _ in range(3):
    print(grid(6))
    print(find_triplet(20), find_triplet(5))
    print(matrix_walk([[1, 2], [3, -1, 5], [4]]), matrix_walk([]), matrix_walk([[1.5], [2 ** 64]]))
