# async for over async generators and async iterators, async with context managers, async comprehensions.
import asyncio


async def agen(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i * 10


class ATicker:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n <= 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n


class AResource:
    def __init__(self, log):
        self.log = log

    async def __aenter__(self):
        self.log.append("aenter")
        return self

    async def __aexit__(self, et, ev, tb):
        self.log.append(f"aexit {et.__name__ if et else None}")
        return et is KeyError


async def main(n):
    log = []
    out = [x async for x in agen(n)]
    async for t in ATicker(n):
        log.append(t)
    async with AResource(log):
        log.append("inside")
    async with AResource(log):
        raise KeyError("suppressed")
    return out, log, {x: x // 10 async for x in agen(n) if x}


def run(n):
    return asyncio.run(main(n))


for n in (1, 3, 4):
    print(run(n))
