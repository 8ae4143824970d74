# Module attributes (math.sqrt) patched and restored while functions use them via the module.
import math

real_sqrt = math.sqrt


def hyp(a, b):
    return math.sqrt(a * a + b * b)


def driver():
    out = []
    for i in range(6):
        if i == 2:
            math.sqrt = lambda v: f"fake sqrt {v}"
        if i == 4:
            math.sqrt = real_sqrt
        out.append(hyp(3, 4 + i))
    return out


try:
    for _ in range(3):
        print(driver())
    del math.sqrt
    try:
        hyp(1, 1)
    except AttributeError as e:
        print("AttributeError:", e)
finally:
    math.sqrt = real_sqrt
print(hyp(6, 8))
