# A long-running loop whose operand types change part-way through (int -> big int -> int -> float):
# compiled code specialised on early iterations must bail out correctly and keep every value exact.


def accumulate(values):
    total = 0
    for i, v in enumerate(values):
        total = total + v
        if i % 125 == 0:
            print(i, type(total).__name__, total if not isinstance(total, float) else round(total, 6))
    return total


def mixed_values(n):
    out = []
    for i in range(n):
        q = n // 4
        if i < q:
            out.append(i)
        elif i < 2 * q:
            out.append(2 ** 62 + i)
        elif i < 3 * q:
            out.append(-(2 ** 62) - i)
        else:
            out.append(i + 0.5)
    return out


for n in (400, 1000, 1200):
    print("result", accumulate(mixed_values(n)))
print("strings", accumulate.__name__, [accumulate(["a", "b"]) if False else None])
try:
    accumulate([1, 2, "three"])
except TypeError as e:
    print("TypeError:", e)
