# Only generator functions and module-level code: nothing here is a plain function the JIT would take.
# hotwire: compiles-nothing (every function in this file is a generator, which hotwire leaves to the
# interpreter by design, and module-level code is never compiled)


def gen_range(n):
    i = 0
    while i < n:
        yield i
        i += 1


def gen_chain(*its):
    for it in its:
        yield from it


def gen_accumulate(it):
    total = 0
    for x in it:
        total += x
        yield total


for n in (3, 5, 7):
    print(list(gen_range(n)), list(gen_chain(gen_range(2), "ab")), list(gen_accumulate(gen_range(n))))
