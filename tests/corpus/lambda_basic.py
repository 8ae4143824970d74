# Lambdas: defaults, closures, immediately invoked, used as keys, stored in dicts, recursive via name.

ops = {
    "add": lambda a, b: a + b,
    "neg": lambda a, b=None: -a,
    "pow": lambda a, b=2: a ** b,
    "kw": lambda *a, **k: (a, sorted(k.items())),
}


def run(v):
    out = [ops[name](v, v) if name != "neg" else ops[name](v) for name in ("add", "neg", "pow")]
    out.append(ops["kw"](v, z=v, a=1))
    out.append((lambda q: q * 3)(v))
    out.append((lambda: v)())
    out.append(sorted([v, v * 2, -v], key=lambda t: abs(t)))
    return out


fact = lambda n: 1 if n < 2 else n * fact(n - 1)
compose = lambda f, g: lambda x: f(g(x))
for v in (2, 1.5, -3):
    print(run(v), fact(abs(int(v)) + 10), compose(str, abs)(v), compose(len, str)(v * 1000))
print((lambda: 0).__name__, (lambda x, /, y, *, z: 0).__code__.co_argcount, ops["add"].__qualname__)
