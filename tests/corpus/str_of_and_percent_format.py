# str(x) and "<text>%d<text>" % (...): exact ints are written out digit by digit; everything else
# (int subclasses, bools, floats, huge ints, None, a rebound `str`) must give CPython's result or error.


class MyInt(int):
    def __str__(self):
        return "MyInt!"


VALUES = [0, 7, -1, 10, -10, 255, 256, 2**30, -2**30, 2**63 - 1, -2**63, 2**63, -2**64, 10**30,
          True, False, MyInt(5), 3.5, "s", None, [1]]


def strings(values):
    out = []
    for v in values:
        out.append(str(v))
        try:
            out.append("%d|%s" % (v, v))
        except TypeError as e:
            out.append(f"TypeError: {e}")
        out.append("[%i]%%(%u)" % (len(out), len(out) - 3))
    return out


def loop(n):
    total = 0
    last = None
    for i in range(-n, n):
        s = str(i * 7919)
        t = "%d,%d" % (i, i * i)
        total += len(s) + len(t)
        last = (s, t)
    return total, last


def with_str_rebound():
    global str
    str = lambda x: "rebound"
    try:
        return [str(i) for i in range(3)]
    finally:
        del str


def with_str_shadowed(str=lambda x: "shadowed"):
    return str(12)


def not_a_format(x):
    # Widths, a mapping key and a one-item non-tuple: the interpreter's % formatting.
    return ["%5d" % (x,), "%(a)s" % {"a": x}, "%d" % x, "%s-%s" % (x, [x])]


print(strings(VALUES))
print(loop(3000))
print(with_str_rebound(), with_str_shadowed(), str(5))
print(not_a_format(42), not_a_format(-3))
try:
    print("%d %d" % (1,))
except TypeError as e:
    print("TypeError:", e)
