# Coroutines driven by hand with send()/throw() and a custom awaitable, without an event loop.


class Suspend:
    def __init__(self, value):
        self.value = value

    def __await__(self):
        reply = yield self.value
        return reply


async def worker(name):
    a = await Suspend(f"{name}:first")
    b = await Suspend(f"{name}:second got {a}")
    try:
        await Suspend("third")
    except ValueError as e:
        return f"{name} done after {b} and {e}"


def drive(coro):
    out = [coro.send(None), coro.send("A"), coro.send("B")]
    try:
        coro.throw(ValueError("thrown"))
    except StopIteration as e:
        out.append(e.value)
    return out


for name in ("w1", "w2", "w3"):
    print(drive(worker(name)))
c = worker("never")
c.close()
print(type(c).__name__, c.cr_frame is None)
