# bytes and bytearray indexing gives ints, slicing gives the same type; mutation of bytearray.


def probe(b):
    out = [b[0], b[-1], b[1:3], b[::-1], type(b[:1]).__name__, len(b), b.upper(), b.find(b"l"), b"l" in b, 108 in b]
    try:
        b[0] = 72
        out.append(bytes(b))
    except TypeError as e:
        out.append(f"TypeError: {e}")
    try:
        b[0] = 256
    except (ValueError, TypeError) as e:
        out.append(f"{type(e).__name__}: {e}")
    return out


for _ in range(3):
    print(probe(b"hello"))
    print(probe(bytearray(b"hello")))
    mv = memoryview(bytearray(b"hello"))
    mv[0] = 74
    print(mv[0], mv[-1], mv[1:3].tobytes(), mv[::-1].tobytes(), len(mv), bytes(mv), mv.obj)
    ba = bytearray()
    for i in range(5):
        ba.append(65 + i)
        ba += b"-"
    ba.extend([48, 49])
    del ba[::3]
    print(ba, ba.decode(), bytes(3), bytes([1, 2]) * 2, b"%d-%s" % (5, b"x"), b"ab".hex(), bytes.fromhex("4142"))
