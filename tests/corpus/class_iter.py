# Custom iterables and iterators: __iter__ returning self, a generator, or a new object; re-iteration.


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1


class Squares:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        for i in range(self.n):
            yield i * i


class BadIter:
    def __iter__(self):
        return 5


def consume(it):
    try:
        total = 0
        for x in it:
            total += x
        return total, list(it)
    except TypeError as e:
        return f"TypeError: {e}"


for _ in range(3):
    print(consume(Countdown(4)), consume(Squares(5)), consume([1, 2]), consume(iter([3, 4])), consume(BadIter()), consume(7))
    c = Countdown(3)
    print(next(c), next(c), list(c), next(c, "done"), sorted(Squares(4), reverse=True), sum(Squares(10)))
    a, b, *rest = Countdown(5)
    print(a, b, rest, dict.fromkeys(Squares(3)), max(Countdown(6)), "-".join(map(str, Countdown(3))))
