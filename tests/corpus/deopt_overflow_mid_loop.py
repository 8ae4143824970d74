# Integer loops that cross the 64-bit boundary partway: results must stay exact (no wraparound).


def doubling(x, n):
    seen = []
    for i in range(n):
        x = x * 2 + 1
        if i in (30, 61, 62, 63, 64, 65, 90):
            seen.append((i, x))
    return x, seen


def countdown_sub(start, step, n):
    v = start
    for _ in range(n):
        v -= step
    return v


def square_chain(x, n):
    for _ in range(n):
        x = x * x
    return x


for x in (1, 3, -5):
    r, seen = doubling(x, 100)
    print(r, seen)
print(countdown_sub(-(2 ** 63) + 10, 1, 20), countdown_sub(2 ** 63 - 5, -1, 10), countdown_sub(0, 2 ** 62, 5))
print(square_chain(3, 6), square_chain(2, 7).bit_length(), square_chain(-1, 4), square_chain(1.5, 3))
