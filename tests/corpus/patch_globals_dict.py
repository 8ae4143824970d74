# Functions built with a different globals dict; globals mutated through globals() mid-loop.
import types

SCALE = 2


def scaled(x):
    return x * SCALE


def driver():
    out = []
    for i in range(8):
        if i == 3:
            globals()["SCALE"] = 10
        if i == 5:
            globals()["SCALE"] = 0.5
        out.append(scaled(i))
    return out


for _ in range(3):
    SCALE = 2
    print(driver())

alt = types.FunctionType(scaled.__code__, {"SCALE": "s", "__builtins__": __builtins__}, "alt_scaled")
print([alt(i) for i in range(4)], alt.__name__)
alt2 = types.FunctionType(scaled.__code__, {"__builtins__": {}})
for _ in range(3):
    try:
        alt2(1)
    except NameError as e:
        print("NameError:", e)
ns = {}
exec("def q():\n    return len(W)\nW = 'abc'", ns)
print([ns["q"]() for _ in range(3)])
ns["W"] = [1]
print(ns["q"]())
