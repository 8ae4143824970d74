"""Naive recursive Fibonacci: the call-heavy bar (fib(30) >= 20x over CPython).

It is here, not in pyperformance, because it measures the one thing the numeric benchmarks barely touch:
the cost of a Python-to-Python call with small-int arithmetic. Kept deliberately naive (no memoisation,
no accumulator) so the work is about 1.6 million calls per fib(30).
"""

FIB_N = 30


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


if __name__ == "__main__":
    print(fib(FIB_N))
