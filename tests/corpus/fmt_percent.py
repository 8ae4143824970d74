# printf-style % formatting with tuples, dicts, single values, every conversion, and the errors.


def fmt(template, args):
    try:
        return template % args
    except (TypeError, ValueError, KeyError) as e:
        return f"{type(e).__name__}: {e}"


for _ in range(3):
    for template, args in [("%s", "x"), ("%s", (1,)), ("%s %s", (1, 2)), ("%d", 3.9), ("%i|%u", (-4, 5)), ("%5.2f", 3.14159),
                           ("%-6s|", "ab"), ("%06.1f", -2.25), ("%x %X %o", (255, 255, 8)), ("%#x %#o", (255, 8)),
                           ("%e", 12345.678), ("%g %G", (1e-10, 1e20)), ("%c%c", (65, "b")), ("%r", "q"), ("%a", "é"),
                           ("%%", ()), ("%(name)s is %(age)d", {"name": "Ann", "age": 30}), ("%(x)s", {"y": 1}),
                           ("%s %s", (1,)), ("%s", (1, 2)), ("%d", "s"), ("%z", 1), ("%*d", (5, 42)), ("%.*f", (2, 1.5)),
                           ("%s", [1, 2]), ("%s", ((1, 2),)), ("%d", 2 ** 80), ("%.3s", "abcdef"), ("%+d % d", (5, 5)),
                           ("no args", ()), ("no args", 5), ("%s", {}), (b"%s-%d", (b"x", 1))]:
        print(repr(template), fmt(template, args))
