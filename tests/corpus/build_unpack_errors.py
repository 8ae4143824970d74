# Unpacking errors: too many / not enough values, non-iterables, and their exact messages.


def unpack2(seq):
    try:
        a, b = seq
        return a, b
    except (ValueError, TypeError) as e:
        return f"{type(e).__name__}: {e}"


def unpack_star(seq):
    try:
        a, b, *c, d = seq
        return a, b, c, d
    except (ValueError, TypeError) as e:
        return f"{type(e).__name__}: {e}"


def gen(n):
    yield from range(n)


for _ in range(3):
    print([unpack2(s) for s in ([1, 2], [1], [1, 2, 3], "ab", "abc", 5, None, gen(1), gen(5), {1: 2, 3: 4}, {})])
    print([unpack_star(s) for s in ([1, 2, 3], [1, 2], range(6), "a", gen(2), 1.5)])
    try:
        print({**[1, 2]})
    except TypeError as e:
        print("TypeError:", e)
    try:
        print([*5])
    except TypeError as e:
        print("TypeError:", e)
    try:
        print(dict([(1, 2), (3,)]))
    except ValueError as e:
        print("ValueError:", e)
