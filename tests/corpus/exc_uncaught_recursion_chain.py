# Uncaught exception after a moderate recursion: the traceback shows the repeated frames collapsed.


def descend(n):
    if n == 0:
        raise LookupError("bottom reached")
    return descend(n - 1) + 1


def main():
    for depth in (1, 2, 3):
        try:
            descend(depth)
        except LookupError as e:
            print("caught at depth", depth, e)
    descend(30)


main()
# hotwire: expect-exit 1
