"""A script program as a pyperf benchmark: pyperf's worker times whole runs of the script's code.

    <runtime> seed_worker.py SCRIPT --worker --loops N --warmups W --values V --output FILE

Script programs are not pyperf benchmarks; this gives them a steady-state time measured by pyperf
itself, like the pyperformance benchmarks: each run executes the script's (once compiled) code object as
`__main__` in a fresh namespace with its output discarded, so under hotwire the functions it defines
share their code objects, and their compiled code, from run to run. Uses only Python 3.9 syntax (PyPy).
"""
import contextlib
import os
import sys

import pyperf


def main():
    runner = pyperf.Runner()
    runner.argparser.add_argument("script")
    script = os.path.abspath(runner.parse_args().script)
    with open(script, "rb") as source:
        code = compile(source.read(), script, "exec")
    sys.path[0] = os.path.dirname(script)
    sink = open(os.devnull, "w")

    def run_script():
        with contextlib.redirect_stdout(sink):
            exec(code, {"__name__": "__main__", "__file__": script, "__builtins__": __builtins__})

    runner.bench_func(os.path.splitext(os.path.basename(script))[0], run_script)


if __name__ == "__main__":
    main()
