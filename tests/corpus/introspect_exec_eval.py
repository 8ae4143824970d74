# exec and eval with explicit and implicit namespaces, compiled code objects, and errors inside them.


def evaluate(expr, **names):
    try:
        return eval(expr, {"__builtins__": __builtins__}, names)
    except Exception as e:
        return f"{type(e).__name__}: {e}"


def run_exec(src):
    ns = {}
    exec(src, ns)
    return sorted((k, v) for k, v in ns.items() if k != "__builtins__" and not callable(v))


def uses_locals(a):
    b = a * 2
    return eval("a + b"), eval("[a * i for i in range(3)]")


CODE = compile("x * y + 1", "<expr>", "eval")
for v in (1, 2.5, "s"):
    print(evaluate("v * 2", v=v), evaluate("len(v)", v=v), evaluate("v +", v=v), evaluate("undefined_q + 1"))
    print(run_exec(f"a = {v!r}\nb = a * 2\ndef f(): return a\nc = f()"), uses_locals(v) if v != "s" else None)
    print(eval(CODE, {"x": v, "y": 3}) if v != "s" else eval(CODE, {"x": 2, "y": v * 0 or 5}))
ns = {}
exec("def gen_fn(n):\n    return [i ** 2 for i in range(n)]", ns)
print([ns["gen_fn"](i) for i in range(4)], eval("lambda q: q + 1")(41))
try:
    exec("raise KeyError('from exec')")
except KeyError as e:
    print("KeyError", e)
