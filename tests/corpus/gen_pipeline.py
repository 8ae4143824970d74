# Generator pipelines consumed by ordinary (compiled) functions, with itertools and early termination.
import itertools


def numbers():
    n = 0
    while True:
        yield n
        n += 1


def evens(src):
    for x in src:
        if x % 2 == 0:
            yield x


def squared(src):
    for x in src:
        yield x * x


def take(n, it):
    out = []
    for x in it:
        if len(out) == n:
            break
        out.append(x)
    return out


def window(it, size):
    buf = []
    for x in it:
        buf.append(x)
        if len(buf) == size:
            yield tuple(buf)
            buf.pop(0)


for n in (3, 5, 8):
    print(take(n, squared(evens(numbers()))), list(window(range(n), 3)))
    print(list(itertools.islice(squared(numbers()), n, n + 3)), sum(itertools.takewhile(lambda v: v < 50, squared(numbers()))))
