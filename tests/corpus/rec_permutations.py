# Recursive generation of permutations, subsets and n-queens solutions.


def perms(xs):
    if len(xs) <= 1:
        return [list(xs)]
    out = []
    for i, x in enumerate(xs):
        for p in perms(xs[:i] + xs[i + 1:]):
            out.append([x] + p)
    return out


def subsets(xs):
    if not xs:
        return [[]]
    rest = subsets(xs[1:])
    return rest + [[xs[0]] + s for s in rest]


def queens(n, row=0, cols=(), out=None):
    if out is None:
        out = []
    if row == n:
        out.append(cols)
        return out
    for c in range(n):
        if all(c != pc and abs(c - pc) != row - pr for pr, pc in enumerate(cols)):
            queens(n, row + 1, cols + (c,), out)
    return out


for seq in ([1, 2, 3], "abcd", (True, 2.5)):
    print(len(perms(list(seq))), perms(list(seq))[:4], len(subsets(list(seq))), subsets(list(seq))[-3:])
print([len(queens(n)) for n in range(1, 8)], queens(6)[0])
