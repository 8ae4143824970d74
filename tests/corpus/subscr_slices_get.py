# Slice reads with negative, out-of-range, huge and zero steps on lists, tuples, strings, bytes and ranges.


def sl(seq, start, stop, step):
    try:
        return seq[start:stop:step]
    except (ValueError, TypeError) as e:
        return f"{type(e).__name__}: {e}"


CASES = [(None, None, None), (1, None, None), (None, -1, None), (-3, None, None), (None, None, -1), (5, 1, -1),
         (1, 5, 2), (-1, -10, -3), (100, 200, None), (-100, 100, None), (None, None, 3), (None, None, 0),
         (2 ** 70, None, None), (None, -(2 ** 70), -1), (1.0, 2, None), (True, None, None)]

for _ in range(3):
    for seq in ([0, 1, 2, 3, 4, 5, 6], (0, 1, 2, 3, 4, 5, 6), "abcdefg", b"abcdefg", range(7), range(10, 0, -2)):
        print(type(seq).__name__, [sl(seq, *c) for c in CASES])
    s = slice(1, None, 2)
    print([1, 2, 3, 4, 5][s], "hello"[s], s.indices(10), slice(-1, None, -1).indices(4), "x"[5:], [][::-1])
