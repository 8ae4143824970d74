# async functions run by asyncio: awaits, gather ordering, tasks, timeouts without real waiting.
import asyncio


async def square(x):
    await asyncio.sleep(0)
    return x * x


async def fails(x):
    await asyncio.sleep(0)
    raise ValueError(f"fail {x}")


async def main(n):
    results = [await square(i) for i in range(n)]
    gathered = await asyncio.gather(*(square(i) for i in range(n)))
    mixed = await asyncio.gather(square(2), fails(3), return_exceptions=True)
    task = asyncio.create_task(square(n))
    try:
        await fails(n)
    except ValueError as e:
        caught = str(e)
    return results, gathered, [repr(m) for m in mixed], await task, caught


def run(n):
    return asyncio.run(main(n))


for n in (2, 3, 4):
    print(run(n))
