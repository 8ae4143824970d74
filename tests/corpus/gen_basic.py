# Generators: yield, send, throw, close, finally blocks on close, generator state, called from plain functions.
import inspect


def counter(start):
    n = start
    try:
        while True:
            cmd = yield n
            if cmd == "reset":
                n = start
            elif isinstance(cmd, int):
                n += cmd
            else:
                n += 1
    except GeneratorExit:
        print("  closing counter at", n)
        raise
    finally:
        print("  finally in counter")


def catcher():
    while True:
        try:
            yield "waiting"
        except ValueError as e:
            yield f"caught {e}"


def drive(start):
    g = counter(start)
    out = [next(g), g.send(5), g.send(None), g.send("reset"), next(g)]
    out.append(inspect.getgeneratorstate(g))
    g.close()
    out.append(inspect.getgeneratorstate(g))
    try:
        next(g)
    except StopIteration:
        out.append("exhausted")
    return out


def throw_into():
    c = catcher()
    return [next(c), c.throw(ValueError("x")), next(c), c.throw(ValueError("y"))]


for start in (0, 10, 2.5):
    print(drive(start))
    print(throw_into())
g = counter(1)
try:
    g.send(1)
except TypeError as e:
    print("TypeError:", e)
