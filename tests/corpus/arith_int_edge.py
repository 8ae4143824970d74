# Values at and around machine-word boundaries through arithmetic, conversion and formatting.
import sys

EDGES = [0, 1, -1, 2 ** 31 - 1, 2 ** 31, 2 ** 32, 2 ** 62 - 1, 2 ** 62, 2 ** 63 - 1, 2 ** 63, -(2 ** 63), -(2 ** 63) - 1, 2 ** 64]


def probe(x):
    return (x + 1, x - 1, x * 2, x // 3, x % 7, -x, x * x % 1000003, x.bit_length(), hex(x), x == float(x),
            x.to_bytes(9, "little", signed=True).hex())


for _ in range(3):
    for e in EDGES:
        print(e, probe(e))
    print(sys.maxsize + 1 == 2 ** 63, int("9" * 30) + 1, int("-" + "9" * 19) - 1, int.from_bytes(b"\xff" * 9, "big"))
