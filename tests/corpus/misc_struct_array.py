# struct packing/unpacking and the array module with typed storage, from compiled loops.
import array
import struct


def pack_records(records):
    out = b""
    for rid, score, name in records:
        out += struct.pack("<Iid8s", rid, -rid, score, name.encode())
    return out


def unpack_records(blob):
    size = struct.calcsize("<Iid8s")
    return [struct.unpack_from("<Iid8s", blob, off) for off in range(0, len(blob), size)]


recs = [(1, 2.5, "ann"), (70000, -1e10, "bob"), (3, float("inf"), "c" * 8)]
for n in (1, 2, 3):
    blob = pack_records(recs[:n])
    print(len(blob), blob[:8].hex(), unpack_records(blob))
a = array.array("i", range(5))
a.append(-1)
a.extend([7, 8])
a[1:3] = array.array("i", [40, 50, 60])
print(a, a.tolist(), a.itemsize, a.typecode, sum(a), a[::-2])
try:
    a.append(2 ** 40)
except OverflowError as e:
    print("OverflowError:", e)
try:
    struct.pack("b", 200)
except struct.error as e:
    print("struct.error:", e)
