# itertools building blocks consumed by compiled functions.
import itertools as it


def use(n):
    return [list(it.accumulate(range(n))), list(it.accumulate(range(1, n + 1), lambda a, b: a * b)),
            list(it.combinations(range(n), 2))[:4], list(it.permutations("abc", 2))[:3], list(it.product("ab", repeat=2)),
            list(it.islice(it.count(10, 3), n)), list(it.islice(it.cycle("xy"), n)), list(it.repeat(n, 3)),
            [(k, len(list(g))) for k, g in it.groupby(sorted("mississippi"))], list(it.chain.from_iterable([[1], [n]])),
            list(it.zip_longest("ab", range(n), fillvalue="-")), list(it.compress("abcdef", [1, 0] * 3)),
            list(it.dropwhile(lambda v: v < 2, range(n))), list(it.filterfalse(lambda v: v % 2, range(n))),
            list(it.starmap(pow, [(2, n), (n, 2)])), list(it.pairwise(range(n))), [list(t) for t in it.tee(range(2), 2)],
            list(it.batched(range(n), 3)), list(it.combinations_with_replacement("ab", 2))]


for n in (0, 3, 5):
    print(use(n))
