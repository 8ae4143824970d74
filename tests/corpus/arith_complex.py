# Complex arithmetic and the errors of ordering comparisons.


def f(a, b):
    return a + b, a - b, a * b, a / b, a == b, abs(a)


for _ in range(3):
    for a, b in [(1 + 2j, 3 - 1j), (2j, 2), (1, 1j), (1.5, 0.5j), (complex(3, 4), 1)]:
        print(f(a, b))
    print((1j) ** 2, (2 + 0j) ** 0.5, complex("1+2j").conjugate(), (3 + 4j).real, (3 + 4j).imag)
    try:
        print(1j < 2j)
    except TypeError as e:
        print("TypeError:", e)
    try:
        print((1 + 1j) // 2)
    except TypeError as e:
        print("TypeError:", e)
    try:
        print(1j / 0)
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
