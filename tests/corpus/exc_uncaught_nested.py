# An uncaught ZeroDivisionError through several nested functions: the traceback on stderr is compared.


def divide(a, b):
    return a / b


def ratio(values):
    total = sum(values)
    return [divide(v, total) for v in values]


def report(rows):
    out = []
    for row in rows:
        out.append(ratio(row))
    return out


def main():
    print(report([[1, 1], [1, 3], [2, 2, 4]]))
    print(report([[1, 2], [0, 0]]))


main()
# hotwire: expect-exit 1
