# Iterator protocol edge cases: iter(callable, sentinel), __next__ raising, iterators exhausted mid-loop.


class Fib:
    def __init__(self, limit):
        self.a, self.b, self.limit = 0, 1, limit

    def __iter__(self):
        return self

    def __next__(self):
        if self.a > self.limit:
            raise StopIteration
        v = self.a
        self.a, self.b = self.b, self.a + self.b
        return v


class Exploding:
    def __init__(self):
        self.i = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.i += 1
        if self.i == 3:
            raise ValueError("exploded at 3")
        return self.i


def reader(chunks):
    it = iter(chunks)
    return lambda: next(it, "")


def consume(it):
    out = []
    try:
        for x in it:
            out.append(x)
    except ValueError as e:
        out.append(f"ValueError: {e}")
    return out


for _ in range(3):
    print(consume(Fib(100)), consume(Fib(10 ** 20))[-1], consume(Exploding()))
    print(consume(iter(reader(["a", "b", ""]), "")), consume(iter(reader([1, 2, 3, 0]), 2)))
    it = iter([1, 2, 3, 4, 5])
    pairs = []
    for x in it:
        pairs.append((x, next(it, None)))
    print(pairs)
    try:
        next(iter([]))
    except StopIteration as e:
        print("StopIteration", e.value)
