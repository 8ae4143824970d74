# sys._getframe: function names, line numbers, f_back chains and frame locals from compiled callers.
import sys


def where(depth=0):
    f = sys._getframe(depth + 1)
    return f.f_code.co_name, f.f_lineno


def chain():
    out = []
    f = sys._getframe()
    while f is not None and f.f_code.co_name != "<module>":
        out.append((f.f_code.co_name, f.f_lineno))
        f = f.f_back
    out.append((f.f_code.co_name, f.f_lineno))
    return out


def caller_locals():
    return sorted(k for k in sys._getframe(1).f_locals if not k.startswith("__"))


def level2(x):
    y = x * 2
    here = where()
    up = where(1)
    return here, up, chain(), caller_locals(), y


def level1(x):
    marker = "level1"
    return level2(x + 1)


for x in (1, 2.5, "s" if False else 3):
    print(level1(x))
print(where(), chain())
