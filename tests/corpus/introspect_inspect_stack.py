# inspect.stack()/currentframe()/getframeinfo inside called functions: names, line numbers, code context.
import inspect


def stack_summary():
    out = []
    for fi in inspect.stack():
        out.append((fi.function, fi.lineno, (fi.code_context or [""])[0].strip()))
        if fi.function == "<module>":
            break
    return out


def b(v):
    result = stack_summary()
    return result, v


def a(v):
    return b(v * 2)


def current():
    frame = inspect.currentframe()
    info = inspect.getframeinfo(frame)
    return info.function, info.lineno, inspect.getframeinfo(frame.f_back).function


for v in (1, 2.0, 3):
    print(a(v))
    print(current(), [f(v) for f in (lambda q: current(),)])
print(inspect.signature(a), inspect.getsource(current).splitlines()[0], inspect.isfunction(b))
