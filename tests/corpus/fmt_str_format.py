# str.format and format(): positional/keyword/indexed/attribute fields, specs, and errors.


class P:
    x = 3
    items = [10, 20]


def f(template, *a, **k):
    try:
        return template.format(*a, **k)
    except (IndexError, KeyError, ValueError, AttributeError, TypeError) as e:
        return f"{type(e).__name__}: {e}"


for v in (7, 2.5, "s"):
    print([f("{} {}", v, v), f("{1}{0}{1}", v, "b"), f("{name}!", name=v), f("{0.x} {0.items[1]}", P),
           f("{0[k]} {0[0]}", {"k": v, 0: "zero"}), f("{:>6}|{:^6}|{:<6}", v, v, v), f("{!r:>8}", v),
           f("{:{w}.{p}}", 3.14159, w=9, p=3), f("{}"), f("{0} {}", 1, 2), f("{x}", y=1), f("{0.nope}", P),
           f("{:d}", "x"), f("{{}} {}", v), format(v, ""), format(12345.678, ",.1f"), format(255, "#010b")])
print("{:*^20}".format(" centred "), "{:=+8d}".format(42), "{:.2%}".format(0.25), "{:e}".format(0.0001234))
print("{0:c}{1:o}{2:X}".format(97, 8, 255), "{:n}".format(1234), "{:_b}".format(255), format(-0.0, "+.1f"))
print("Hi {user.__class__.__name__}".format(user=P()), str.format_map("{a}{b}", {"a": 1, "b": 2}))
