# nonlocal rebinding: counters, accumulators, nonlocal across two levels, and nonlocal after deletion.


def counter(start=0):
    count = start

    def inc(step=1):
        nonlocal count
        count += step
        return count

    def reset():
        nonlocal count
        old, count = count, start
        return old

    return inc, reset


def outer():
    x = "outer"

    def middle():
        def inner():
            nonlocal x
            x = x + "+inner"
            return x
        inner()
        return inner()

    r = middle()
    return r, x


def deleter():
    y = 1

    def read():
        return y

    def kill():
        nonlocal y
        del y

    kill()
    try:
        return read()
    except NameError as e:
        return f"{type(e).__name__}: {e}"


for start in (0, 10, 2 ** 62, 0.5):
    inc, reset = counter(start)
    print(inc(), inc(), inc(2 ** 62), reset(), inc())
for _ in range(3):
    print(outer(), deleter())
