# Several threads running the same (compiled) functions concurrently; results printed after join in a
# fixed order, so the output does not depend on scheduling.
import threading


def collatz_len(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


def worker(start, count, results, idx, lock, shared):
    best = (0, 0)
    for n in range(start, start + count):
        s = collatz_len(n)
        if s > best[0]:
            best = (s, n)
        with lock:
            shared["calls"] += 1
    results[idx] = best


def run(nthreads, count):
    results = [None] * nthreads
    lock = threading.Lock()
    shared = {"calls": 0}
    threads = [threading.Thread(target=worker, args=(1 + i * count, count, results, i, lock, shared))
               for i in range(nthreads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results, shared["calls"]


for nthreads, count in ((1, 50), (2, 300), (4, 500)):
    print(run(nthreads, count))
