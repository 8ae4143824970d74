"""The README demo's program: ordinary Python a JIT should make fast, with no hotwire imports in it.

It is a plain script on purpose: `python demo_program.py` and `python -m hotwire demo_program.py` run
the very same file, so the demo shows that turning the JIT on is a command-line change, not a code
change. Two kinds of hot code: a float-heavy loop (a damped spring stepped with Euler's method, called
a few times so it becomes hot) and recursive fib (call-heavy small-int code).

Results go to stdout and must be byte-identical under both runtimes; the per-section times go to
stderr as `DEMO_TIMING <section> <seconds>` lines, because times differ and must stay out of the
compared output.
"""
import sys
import time

STEPS = 1_000_000
CALLS = 5
FIB_N = 30


def simulate(steps, dt):
    """Damped spring x'' = -k x - c x'; returns final position, velocity and summed energy."""
    x, v = 1.0, 0.0
    k, c = 4.0, 0.001
    energy = 0.0
    for _ in range(steps):
        a = -k * x - c * v
        v += a * dt
        x += v * dt
        energy += 0.5 * v * v + 0.5 * k * x * x
    return x, v, energy


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def timed(section, func, *args):
    t0 = time.perf_counter()
    result = func(*args)
    sys.stderr.write(f"DEMO_TIMING {section} {time.perf_counter() - t0:.6f}\n")
    return result


def spring_runs():
    return [simulate(STEPS, 0.001 * (i + 1)) for i in range(CALLS)]


def fib_runs():
    return [fib(FIB_N - i % 2) for i in range(CALLS)]


def main():
    for i, (x, v, energy) in enumerate(timed("float loop", spring_runs)):
        print(f"spring dt={0.001 * (i + 1):.3f}: x={x!r} v={v!r} energy={energy!r}")
    print(f"fib: {timed('fib', fib_runs)}")


if __name__ == "__main__":
    main()
