# List comprehensions with conditions, nested loops, conditional expressions and function calls.


def squares(n):
    return [i * i for i in range(n)]


def evens_odds(xs):
    return [x for x in xs if x % 2 == 0], [x if x > 0 else -x for x in xs if x % 2]


def pairs(a, b):
    return [(x, y) for x in a for y in b if x != y]


def flatten(m):
    return [v for row in m for v in row]


def transpose(m):
    return [[row[i] for row in m] for i in range(len(m[0]))]


for n in (0, 5, 8):
    print(squares(n), evens_odds(list(range(-n, n))), pairs(range(n % 4), "ab"))
    m = [[i * n + j for j in range(3)] for i in range(3)]
    print(flatten(m), transpose(m), [len(s) for s in "a bb ccc".split()], [c.upper() for c in "hi" * n])
print([x for x in [1.5, 2, 2 ** 70, True] if x], [f(2) for f in (str, float, hex)])
