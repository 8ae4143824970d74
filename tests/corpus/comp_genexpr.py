# Generator expressions are lazy: side effects interleave with consumption; short-circuit of any/all.
log = []


def noisy(x):
    log.append(x)
    return x


def consume():
    g = (noisy(i) * 2 for i in range(5))
    first = next(g)
    seen = list(log)
    rest = list(g)
    return first, seen, rest, list(log)


def short_circuit(xs):
    log.clear()
    a = any(noisy(x) > 2 for x in xs)
    after_any = list(log)
    log.clear()
    b = all(noisy(x) < 2 for x in xs)
    return a, after_any, b, list(log)


def aggregates(n):
    return sum(i for i in range(n)), max((i % 7, i) for i in range(n)), min(abs(i - n / 2) for i in range(n)), \
        "".join(str(i) for i in range(n) if i % 2), sorted((x for x in range(n)), key=lambda v: -v)[:3], tuple(i for i in ())


for n in (5, 10, 1):
    log.clear()
    print(consume())
    print(short_circuit([1, 3, 0, 5]), short_circuit([]))
    print(aggregates(n))
g = (x for x in [1, 2])
print(list(g), list(g), type(g).__name__)
