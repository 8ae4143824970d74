# Lexicographic comparison of lists, tuples, strings, bytes and ranges; equality across types.


def lex(a, b):
    try:
        return (a < b, a == b, a > b)
    except TypeError as e:
        return "TypeError: " + str(e)


for _ in range(3):
    for a, b in [([1, 2], [1, 2, 0]), ([1, 3], [1, 2, 9]), ((1, "a"), (1, "b")), ((1, "a"), (1, 2)), ("Zebra", "apple"),
                 ("abc", "abd"), ("é", "z"), (b"\x00", b""), ([[1]], [[1, 0]]), ([], []), ((float("nan"),), (float("nan"),)),
                 (range(3), range(0, 3)), ([1, 2], (1, 2))]:
        print(repr(a), repr(b), lex(a, b))
    print(range(0) == range(5, 2), range(0, 6, 2) == range(0, 5, 2), [1, 2] == [1.0, 2.0], "a" * 3 == "aaa")
    print(max(["b", "ab", "ba"]), min([(2, 1), (1, 5), (1, 2)]), sorted(["b", "B", "a", "A", "_", "1"]))
