# sys.exit with a non-zero status raised from inside nested functions, after finally blocks ran.
import sys


def cleanup(stage):
    print("cleanup", stage)


def work(items):
    for i, item in enumerate(items):
        try:
            if item is None:
                sys.exit(3)
            print("item", i, item * 2)
        finally:
            cleanup(i)


def main():
    work([1, 2])
    work(["a", "b", "c"])
    try:
        work([5, None, 6])
    except SystemExit as e:
        print("intercepted SystemExit", e.code)
        raise


main()
# hotwire: expect-exit 3
