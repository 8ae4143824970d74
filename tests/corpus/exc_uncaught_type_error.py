# Uncaught TypeError from an operator whose operand types change on a later iteration (a guard failure).


def scale(value, factor):
    return value * factor + 1


def apply(values, factor):
    return [scale(v, factor) for v in values]


def main():
    print(apply([1, 2, 3], 2))
    print(apply([1.5, 2.5], 2))
    print(apply([10 ** 20], 3))
    print(apply([1, None], 2))


main()
# hotwire: expect-exit 1
