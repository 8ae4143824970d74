# f-strings: format specs, conversions (!r !s !a), nested replacement fields, = debugging, escapes.
import datetime


class Obj:
    def __repr__(self):
        return "Obj<r>"

    def __str__(self):
        return "Obj<s>"

    def __format__(self, spec):
        return f"Obj<f:{spec}>"


def render(v, width, prec):
    out = [f"{v}", f"{v!r}", f"{v!s}", f"{v!a}", f"{v=}", f"{v = !r:>{width}}", f"{{literal}} {v}",
           f"{'nested ' + f'{v}'}", f"{v}{v}", f"[{v!s:^{width}}]"]
    try:
        out.append(f"[{v:>{width}}]|[{v:<{width}}]")
    except TypeError as e:
        out.append(f"TypeError: {e}")
    return out


def numbers(x, width, prec):
    return [f"{x:.{prec}f}", f"{x:{width}.{prec}e}", f"{x:+}", f"{x:,}", f"{x:_}", f"{x:%}" if prec else f"{x:g}",
            f"{x:0{width}.2f}", f"{x:#x}" if isinstance(x, int) else f"{x:.3g}", f"{x!r:>12}", f"{-x: }"]


for width, prec in ((8, 2), (10, 0), (12, 4)):
    for v in ("héllo", 42, Obj(), None, [1, "a"]):
        print(render(v, width, prec))
    for x in (1234567, 3.14159265, -0.5, 10 ** 20, 1e-7):
        print(numbers(x, width, prec))
d = datetime.date(2020, 2, 29)
print(f"{d:%Y/%m/%d} {d!r} {'tab':\t>6}|{chr(10)!r}|{'x' if d else 'y'}|{ {'k': 1}['k'] }|{3:{'>'}{5}}")
