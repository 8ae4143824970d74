# The six comparison operators across int, float, big int, str, bytes, tuple and None.


def cmp6(a, b):
    try:
        return [a < b, a <= b, a == b, a != b, a > b, a >= b]
    except TypeError as e:
        return f"TypeError: {e}"


for _ in range(3):
    for a, b in [(1, 2), (2, 2), (3, 2), (-1, 1.0), (2 ** 64, 2 ** 64 + 1), (2 ** 64, 2.0 ** 64), ("a", "b"), ("abc", "ab"),
                 ("", ""), (b"a", b"ab"), ((1, 2), (1, 3)), ((), ()), (None, None), (None, 0), ("1", 1), (1, "1"),
                 ([1], (1,)), ({1}, {1, 2}), ({1, 2}, {1, 2}), (True, 1), (1.5, True)]:
        print(repr(a), repr(b), cmp6(a, b))
