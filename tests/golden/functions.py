"""Small functions whose IR text is pinned by tests/test_ir_golden.py (one .ir file each).

`WARMUP` says how each is called before its IR is taken, so that CPython's quickened instructions
(the type feedback) are the same on every run.
"""


def add(a, b):
    return a + b


def float_poly(x):
    return 3.0 * x * x + 2.0 * x - 1.0


def float_forwarding(x1, x2, call):
    # dx is stored, then read back twice in the same block: no guard, no unboxing again; after the
    # call (which could run anything), it is guarded again.
    dx = x1 - x2
    d2 = dx * dx
    call()
    return d2 + dx


def const_index_update(v, x):
    # The COPY of the constant index 0 is used as an i64 constant: no guard, no unboxing.
    v[0] -= x
    return v


def float_sum_from_int(xs, scale):
    # `total` starts as the int 0 and becomes a float: where it meets a surely-float value, an exact
    # small int is converted (unbox_as_float) instead of deopting at the first iteration.
    total = 0
    for x in xs:
        total += x * scale
    return total


def count_loop(n):
    total = 0
    for i in range(n):
        if i % 3 == 0:
            total += i
    return total


def list_index(xs, i):
    xs[i] = xs[i] + 1
    return xs


def method_call(s):
    return s.upper().split(",")


def unpack_and_build(pair):
    a, b = pair
    return [b, a], {"a": a}, f"{a}-{b!r}"


def with_handler(x):
    try:
        return 10 // x
    except ZeroDivisionError:
        return None


def closure(n):
    def inner(k):
        return k + n
    return inner


def decimal_strings(n):
    # str(i) and "%d %d" % (i, -i): the digits of exact ints written into a new str (str_of,
    # percent_format); "%5d" has a width, so that one stays a generic % with a tuple.
    for i in range(n):
        a = str(i)
        b = "%d %d" % (i, -i)
        c = "%5d" % (i,)
    return a, b, c


def total_length(words):
    # len(w) of a global `len`: len_of, an unboxed length added without a box.
    n = 0
    for w in words:
        n += len(w)
    return n


def sum_of_repeat(r):
    # sum(x) of a global `sum`: sum_of, which sums a repeat, list or tuple without an iterator.
    return sum(r)


def generator():
    yield 1


WARMUP = {
    "add": [(1, 2)] * 4,
    "float_poly": [(1.5,)] * 4,
    "float_forwarding": [(1.5, 0.25, int)] * 4,
    "const_index_update": [([1.0, 2.0], 0.5)] * 4,
    "float_sum_from_int": [([0.5, 1.5, 2.5], 2.0)] * 4,
    "count_loop": [(30,)] * 4,
    "list_index": [([1, 2, 3], 1)] * 4,
    "method_call": [("a,b",)] * 4,
    "unpack_and_build": [((1, 2),)] * 4,
    "with_handler": [(2,)] * 4,
    "closure": [(1,)] * 4,
    "decimal_strings": [(3,)] * 4,
    "total_length": [(["ab", "c"],)] * 4,
    "sum_of_repeat": [([1.0, 2.0],)] * 4,
    "generator": [],
}
