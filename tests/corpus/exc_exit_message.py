# sys.exit with a string argument prints it on stderr and exits with status 1.
import sys


def check(values):
    for v in values:
        if v < 0:
            sys.exit(f"negative value {v} encountered")
    return sum(values)


for vals in ([1, 2], [3, 4, 5], [2, 2], [1, -7]):
    print(check(vals))
# hotwire: expect-exit 1
