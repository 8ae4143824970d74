"""Object-heavy programs from pyperformance, run whole-process like the seeds (benchmarks/seeds.py):
CPython, hotwire with an empty code cache, hotwire with a warm one, PyPy.

    .venv/bin/python benchmarks/object_programs.py [--runs N] [name ...]

The seeds are loops over ints, floats and strings; real programs are classes, attributes and method
calls. This takes pyperformance's richards, deltablue, raytrace, go and float benchmarks from the
installed pyperformance package (not copied into this repository), cuts each where it hands its
work to pyperf's Runner, and appends a fixed amount of that work with a printed result, so that each
is a plain script whose output every runtime must reproduce. The scripts are written to a temporary
directory and measured by seeds.py. Timings only: nothing here is a pass/fail test.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

import pyperformance

HERE = os.path.dirname(os.path.abspath(__file__))
BENCHMARKS = os.path.join(os.path.dirname(pyperformance.__file__), "data-files", "benchmarks")

# What each program runs in place of its pyperf Runner (names from its run_benchmark.py).
WORK = {
    "richards": "r = Richards()\nfor _ in range(30):\n    r.run(1)\nprint(taskWorkArea.holdCount, taskWorkArea.qpktCount)",
    "deltablue": "for _ in range(3):\n    delta_blue(10000)\nprint('done')",
    "raytrace": "for _ in range(2):\n    bench_raytrace(1, 100, 100, None)\nprint('done')",
    "go": "random.seed(1)\nfor _ in range(2):\n    versus_cpu()\nprint('done')",
    "float": "for _ in range(3):\n    print(benchmark(100000))",
}


def whole_program(name):
    """The benchmark's module up to its `if __name__ == "__main__":`, without pyperf, then WORK[name]."""
    with open(os.path.join(BENCHMARKS, f"bm_{name}", "run_benchmark.py")) as f:
        source = f.read()
    body = source[:source.index('if __name__ == "__main__":')]
    body = body.replace("import pyperf\n", "").replace("pyperf.perf_counter()", "0")
    if "import random" not in body:
        body = "import random\n" + body
    return body + "\n" + WORK[name] + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("names", nargs="*", help=f"some of: {', '.join(sorted(WORK))} (default: all)")
    options = parser.parse_args()
    unknown = sorted(set(options.names) - set(WORK))
    if unknown:
        parser.error(f"unknown program(s): {', '.join(unknown)}")
    directory = tempfile.mkdtemp(prefix="hotwire-object-programs-")
    try:
        for name in options.names or sorted(WORK):
            with open(os.path.join(directory, name + ".py"), "w") as f:
                f.write(whole_program(name))
        command = [sys.executable, os.path.join(HERE, "seeds.py"), "--runs", str(options.runs),
                   "--seed-dir", directory]
        return subprocess.call(command)
    finally:
        shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
