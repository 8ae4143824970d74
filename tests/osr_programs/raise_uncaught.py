# hotwire: expect-exit 1
# An error raised inside the replaced loop: the same traceback, line and caret as CPython's.
def divide_all(n):
    acc = 0
    for i in range(n, -1, -1):
        acc += 1000 // (i - 7)
    return acc

print(divide_all(20000))
