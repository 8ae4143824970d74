# Mixing ints and floats: promotion, exact comparison of huge ints with floats, true division of big ints.


def mix(a, b):
    return a + b, a * b, a - b, a / b


def cmp(a, b):
    return a == b, a < b, a > b, a <= b


def run():
    for a, b in [(1, 2.5), (2.5, 1), (2 ** 53, 1.0), (2 ** 53 + 1, 1.0), (10 ** 20, 3.0), (True, 0.5)]:
        print(mix(a, b))
    print(cmp(2 ** 53 + 1, float(2 ** 53)), cmp(float(2 ** 53), 2 ** 53 + 1))
    print(cmp(10 ** 400, float("inf")), cmp(-(10 ** 400), float("-inf")), cmp(1, 1.0))
    print(10 ** 30 / 10 ** 10, 2 ** 1000 / 2 ** 999, (10 ** 400) // 10 ** 398)
    try:
        print(10 ** 400 / 1.5)
    except OverflowError as e:
        print("OverflowError", e)
    try:
        print(float(10 ** 400))
    except OverflowError as e:
        print("OverflowError", e)
    print(1 / 3 * 3 == 1, 0.5 == 1 / 2, 3 * 0.1, int(1e18) == 10 ** 18, int(1e23))
    print(hash(1.0) == hash(1), hash(-1), hash(2 ** 61 - 1), hash(0.5))


for _ in range(3):
    run()
