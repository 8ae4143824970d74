"""The seed programs run as a user runs them, whole process: CPython, hotwire with an empty code cache,
hotwire with that cache warm, and PyPy when it is installed; the bars of issue 5.

    .venv/bin/python benchmarks/seeds.py [--runs N] [--seed-dir DIR] [name ...]

For each seed and each runtime, N runs (default 3, interleaved so that machine drift hits all alike),
each a fresh process (hotwire through the installed `hotwire run`); the table gives the median wall time, the speed-up over CPython (> 1 is faster),
and for hotwire when compiled code first existed (seconds after hotwire started, from the stats).
"cold" runs each get a new empty cache directory; "warm" runs share one that unmeasured runs filled
until one added no entry (a program's type feedback can differ between its first run and later
ones: with a callee compiled from the start, the caller's call instruction is quickened differently).
Every runtime's output must equal CPython's, or the row says so. The runs may write bytecode caches
(PYTHONDONTWRITEBYTECODE is removed from their environment), as in a normal installation.

Timings go here, never into the test suite: they depend on the machine and on its load.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from hotwire.runtime.compile_process import wait_for_processes

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SEED_DIR = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "bench", "seed"))
MAX_FILL_RUNS = 4


def run(command, env, stats_path=None):
    start = time.perf_counter()
    proc = subprocess.run(command, env=env, capture_output=True, timeout=600)
    seconds = time.perf_counter() - start
    # hotwire's compile processes outlive the program (runtime/compile_process.py): not timed, but
    # the next run must neither share the machine with them nor miss what they store.
    wait_for_processes(600)
    first = None
    if stats_path and os.path.exists(stats_path):
        with open(stats_path) as fh:
            first = json.load(fh).get("first_compiled_seconds")
    return seconds, proc.stdout, proc.returncode, first


def _entries(cache_dir):
    """The code cache's entries (the program or its compile processes stored them)."""
    return sorted(name for name in os.listdir(cache_dir) if name.endswith(".hwc")) \
        if os.path.isdir(cache_dir) else []


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed-dir", default=DEFAULT_SEED_DIR)
    parser.add_argument("names", nargs="*")
    options = parser.parse_args()
    seeds = sorted(f for f in os.listdir(options.seed_dir) if f.endswith(".py"))
    if options.names:
        seeds = [s for s in seeds if os.path.splitext(s)[0] in options.names]
    base_env = {k: v for k, v in os.environ.items()
                if not k.startswith("HOTWIRE") and k != "PYTHONDONTWRITEBYTECODE"}
    pypy = shutil.which("pypy3")
    hotwire = [os.path.join(os.path.dirname(sys.executable), "hotwire"), "run"]   # as the issue runs them
    work = tempfile.mkdtemp(prefix="hotwire-seeds-")
    print(f"{'seed':16} {'CPython':>9} {'hotwire cold':>18} {'hotwire warm':>18} {'PyPy':>14}  "
          f"{'first compiled cold/warm':>25}  output")
    try:
        for seed in seeds:
            path = os.path.join(options.seed_dir, seed)
            warm_dir = os.path.join(work, seed + ".warm")
            stats = os.path.join(work, "stats.json")
            hot_env = dict(base_env, HOTWIRE_STATS_FILE=stats)
            for _ in range(MAX_FILL_RUNS):
                before = _entries(warm_dir)
                run(hotwire + [path], dict(hot_env, HOTWIRE_CACHE_DIR=warm_dir))
                if _entries(warm_dir) == before:
                    break
            times = {"cpython": [], "cold": [], "warm": [], "pypy": []}
            firsts = {"cold": [], "warm": []}
            outputs = {}
            for i in range(options.runs):
                commands = {"cpython": ([sys.executable, path], base_env),
                            "cold": (hotwire + [path],
                                     dict(hot_env, HOTWIRE_CACHE_DIR=os.path.join(work, f"{seed}.cold{i}"))),
                            "warm": (hotwire + [path],
                                     dict(hot_env, HOTWIRE_CACHE_DIR=warm_dir))}
                if pypy:
                    commands["pypy"] = ([pypy, path], base_env)
                for name, (command, env) in commands.items():
                    if os.path.exists(stats):
                        os.unlink(stats)
                    seconds, out, status, first = run(command, env, stats if name in firsts else None)
                    times[name].append(seconds)
                    outputs.setdefault(name, (out, status))
                    if name in firsts and first is not None:
                        firsts[name].append(first)
            base = statistics.median(times["cpython"])

            def cell(name):
                if not times[name]:
                    return "-"
                t = statistics.median(times[name])
                return f"{t:.2f} s {base / t:5.2f}x"

            def first(name):
                return f"{statistics.median(firsts[name]):.2f}" if firsts[name] else "none"

            same = [n for n in outputs if n != "cpython" and outputs[n] != outputs["cpython"]]
            print(f"{os.path.splitext(seed)[0]:16} {base:7.2f} s {cell('cold'):>18} {cell('warm'):>18} "
                  f"{cell('pypy'):>14}  {first('cold') + ' / ' + first('warm') + ' s':>25}  "
                  f"{'identical' if not same else 'DIFFERS: ' + ', '.join(same)}", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"({options.runs} runs each, median; {sys.executable}; PyPy: {pypy or 'not installed'})")


if __name__ == "__main__":
    main()
