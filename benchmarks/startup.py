"""What `hotwire run` adds to the start-up of a short script: wall time and peak memory (max RSS).

    .venv/bin/python benchmarks/startup.py [--runs N]

The bar (issue 5): `hotwire run hello.py` adds no more than 20 ms and 5 MB RSS to `python hello.py`.
Three commands run N times each, interleaved (python, hotwire, python -m hotwire, python, ...) so that
machine drift hits all alike, each in a fresh process; the table gives the median wall time and the
median of each process's max RSS (from wait4), and the difference to plain `python`. `hotwire run` goes
through the console script pip made, which itself imports `re`; `python -m hotwire` does not.

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


def measure(argv):
    """(wall seconds, max RSS in KB) of one run of argv, which must print hello and exit 0."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    out, err = proc.stdout.read(), proc.stderr.read()
    proc.stdout.close()
    proc.stderr.close()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0 or out != b"hello\n":
        raise SystemExit(f"{' '.join(argv)} failed (status {proc.returncode}):\n{err.decode()}")
    return elapsed, usage.ru_maxrss


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=40, help="runs of each command (default 40)")
    args = parser.parse_args()
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
