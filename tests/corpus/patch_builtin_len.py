# Replacing builtins.len mid-loop must be seen by already-running (and compiled) code; restored after.
import builtins

real_len = builtins.len
real_abs = builtins.abs


def measure(items):
    return len(items) + 1


def use_abs(v):
    return abs(v)


def loop():
    out = []
    for i in range(10):
        if i == 4:
            builtins.len = lambda obj: 100
        if i == 7:
            builtins.len = real_len
        out.append(measure([0] * i))
    return out


try:
    for _ in range(3):
        print(loop())
    print([use_abs(-i) for i in range(3)])
    builtins.abs = lambda v: "patched abs"
    print([use_abs(-i) for i in range(3)])
    del builtins.abs
    for _ in range(2):
        try:
            print(use_abs(-1))
        except NameError as e:
            print("NameError:", e)
finally:
    builtins.len = real_len
    builtins.abs = real_abs
print(use_abs(-5), measure("abc"))
