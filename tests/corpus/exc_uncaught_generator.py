# An exception raised inside a generator propagates through the consuming compiled functions uncaught.


def numbers(limit):
    for i in range(limit):
        if i == 7:
            raise ValueError(f"generator failed at {i}")
        yield i


def consume(limit):
    total = 0
    for n in numbers(limit):
        total += n
    return total


def main():
    for limit in (3, 5, 7, 9):
        print(limit, consume(limit))


main()
# hotwire: expect-exit 1
