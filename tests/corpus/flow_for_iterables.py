# for over lists, tuples, dicts (keys/values/items), strings, sets of ints, generators, files-like iterators.
import io


def gen(n):
    for i in range(n):
        yield i * i


def walk(it):
    out = []
    for x in it:
        out.append(x)
    return out


for _ in range(3):
    d = {"b": 1, "a": 2, "c": 3}
    print(walk([1, 2]), walk((3, 4)), walk(d), walk(d.values()), walk(d.items()), walk("héllo"), walk({3, 1, 2}))
    print(walk(gen(4)), walk(x for x in "ab"), walk(io.StringIO("l1\nl2\n")), walk(b"AB"), walk(bytearray(b"C")))
    print(walk(zip("ab", [1, 2])), walk(enumerate("xy")), walk(reversed([1, 2, 3])), walk(map(abs, [-1, -2])))
    print(walk(iter([5, 6])), walk(dict.fromkeys([2, 1])), walk(frozenset([7])), walk([]), walk(memoryview(b"z")))
    for k, v in sorted(d.items()):
        print(k, v, end="; ")
    print()
