# Uncaught NameError with a "Did you mean" suggestion, raised from a compiled function called in a loop.

counter_total = 0


def accumulate(values):
    global counter_total
    for v in values:
        counter_total += v
    return counter_total


def summarize(values):
    result = accumulate(values)
    if result > 10:
        return counter_totl
    return result


def main():
    for chunk in ([1, 2], [3], [1, 1], [5]):
        print(summarize(chunk))


main()
# hotwire: expect-exit 1
