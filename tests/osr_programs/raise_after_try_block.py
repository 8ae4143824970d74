# hotwire: expect-exit 1
# The function has a try block, before its loop: the loop is entered by OSR, and an error raised in
# the compiled loop finds no handler (none covers it) and leaves the frame with CPython's traceback.
def table(n, broken_at):
    try:
        start = int("12")
    except ValueError:
        start = 0
    rows = {}
    for i in range(start, n):
        rows[i] = i * 2
        if i == broken_at:
            rows[i] = rows[i + 1]
    return len(rows)


print(table(30000, 25000))
