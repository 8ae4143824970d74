# Matrix operations on nested lists: multiplication, determinant (fractions), identity, power.
from fractions import Fraction


def matmul(a, b):
    n, m, p = len(a), len(b), len(b[0])
    return [[sum(a[i][k] * b[k][j] for k in range(m)) for j in range(p)] for i in range(n)]


def identity(n):
    return [[1 if i == j else 0 for j in range(n)] for i in range(n)]


def matpow(a, e):
    result = identity(len(a))
    while e:
        if e & 1:
            result = matmul(result, a)
        a = matmul(a, a)
        e >>= 1
    return result


def det(m):
    m = [[Fraction(v) for v in row] for row in m]
    n = len(m)
    d = Fraction(1)
    for c in range(n):
        pivot = next((r for r in range(c, n) if m[r][c] != 0), None)
        if pivot is None:
            return Fraction(0)
        if pivot != c:
            m[c], m[pivot] = m[pivot], m[c]
            d = -d
        d *= m[c][c]
        for r in range(c + 1, n):
            f = m[r][c] / m[c][c]
            for k in range(c, n):
                m[r][k] -= f * m[c][k]
    return d


for e in (1, 10, 90):
    print(matpow([[1, 1], [1, 0]], e)[0][1])
for m in ([[2, 0], [0, 3]], [[1, 2, 3], [4, 5, 6], [7, 8, 10]], [[1, 2], [2, 4]], [[0, 1], [1, 0]], [[0.5, 1], [2, 3]]):
    print(det(m), matmul(m, identity(len(m))) == m)
