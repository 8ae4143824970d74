# hotwire: expect-exit 1
# An error raised by an operation of the compiled loop after the call moved into it by OSR (the
# iterator raises; a generator turns StopIteration into RuntimeError): the interpreter unwinds the
# frame with CPython's traceback, __cause__ included.
def leaky(n):
    for i in range(n):
        yield i
    next(iter([]))


def drain(gen):
    total = 0
    for x in gen:
        total += x
    return total


print(drain(leaky(20000)))
