"""What `hotwire run` adds to the start-up of a short script: wall time and peak memory (max RSS).

    .venv/bin/python benchmarks/startup.py [--runs N]

The bar (issue 5): `hotwire run hello.py` adds no more than 20 ms and 5 MB RSS to `python hello.py`.
Three commands run N times each, interleaved (python, hotwire, python -m hotwire, python, ...) so that
machine drift hits all alike, each in a fresh process; the table gives the median wall time and the
median of each process's max RSS (from /usr/bin/time), and the difference to plain `python`. `hotwire run` goes
through the installed `hotwire` script (bin/hotwire, a plain script: pip's console-script wrapper
imported `re`). Two
warm-up runs of each come first, and the runs may write bytecode caches (PYTHONDONTWRITEBYTECODE is
removed from their environment), as in a normal installation.

Timings go here, never into the test suite: they depend on the machine and on its load.
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

HELLO = 'print("hello")\n'
TIME = "/usr/bin/time"
# Bytecode caches as in any real installation: with PYTHONDONTWRITEBYTECODE, every run would compile
# hotwire's sources again (about 45 ms measured here). The warm-up runs write the caches.
ENV = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "HOTWIRE")}
WARMUP_RUNS = 2


def measure(argv):
    """(wall seconds, max RSS in KB) of one run of argv, which must print hello and exit 0.

    The RSS comes from /usr/bin/time, a small C program: a child forked from this Python process would
    report this process's RSS as its own peak (Linux keeps the high-water mark across fork and exec)."""
    start = time.perf_counter()
    proc = subprocess.run([TIME, "-f", "%M", *argv], capture_output=True, env=ENV)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0 or proc.stdout != b"hello\n":
        raise SystemExit(f"{' '.join(argv)} failed (status {proc.returncode}):\n{proc.stderr.decode()}")
    return elapsed, int(proc.stderr.splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=40, help="runs of each command (default 40)")
    args = parser.parse_args()
    if not os.path.exists(TIME):
        raise SystemExit(f"{TIME} (GNU time) is needed to measure the peak RSS of each run")
    console_script = os.path.join(os.path.dirname(sys.executable), "hotwire")
    with tempfile.TemporaryDirectory() as tmp:
        hello = os.path.join(tmp, "hello.py")
        with open(hello, "w") as f:
            f.write(HELLO)
        commands = {
            "python hello.py": [sys.executable, hello],
            "hotwire run hello.py": [console_script, "run", hello],
            "python -m hotwire hello.py": [sys.executable, "-m", "hotwire", hello],
        }
        results = {name: [] for name in commands}
        for _ in range(WARMUP_RUNS):
            for argv in commands.values():
                measure(argv)
        for _ in range(args.runs):
            for name, argv in commands.items():
                results[name].append(measure(argv))
    base_time = statistics.median(t for t, _ in results["python hello.py"])
    base_rss = statistics.median(r for _, r in results["python hello.py"])
    print(f"{'command':28} {'median wall':>12} {'added':>9} {'median max RSS':>15} {'added':>9}")
    for name, runs in results.items():
        wall = statistics.median(t for t, _ in runs)
        rss = statistics.median(r for _, r in runs)
        print(f"{name:28} {wall * 1000:9.1f} ms {(wall - base_time) * 1000:+6.1f} ms "
              f"{rss / 1024:12.1f} MB {(rss - base_rss) / 1024:+6.1f} MB")
    print(f"({args.runs} runs each, interleaved; {sys.executable})")


if __name__ == "__main__":
    main()
