"""One complete run of a pyperformance benchmark as a program, printing what it computed.

    <runtime> oneshot.py BENCHMARK/run_benchmark.py [its options]

This is the run the report's "whole process" time measures, and the run whose output is compared
between runtimes. pyperf's Runner is replaced by OneShotRunner, which calls each benchmark function once
(loops=1) instead of spawning worker processes, so the process does what a user's program would:
start, import, warm up (and, under hotwire, compile), compute once, exit.

pyperformance benchmarks print nothing, so this prints a digest per benchmark function: the SHA-256 of a
canonical text of what bench_func's function returned (bench_time_func's functions return only a
time), and one of the plain data (numbers, strings, containers of them) the benchmark's module holds at
the end, which is where benchmarks such as nbody leave their results. The canonical text sorts set
elements (PyPy iterates sets in another order) and replaces every other object by its type's name
(reprs hold addresses). A differing line means the runtime computed something else.

Runs under every runtime, PyPy 3.9 included, so it uses only Python 3.9 syntax and the standard
library besides pyperf.
"""
import argparse
import asyncio
import hashlib
import os
import runpy
import sys

import pyperf

PLAIN = (type(None), bool, int, float, complex, str, bytes)
MAX_NODES = 1000000


def canonical(value):
    """A text for `value` equal across runtimes exactly when the plain data in it is equal."""
    parts = []
    budget = [MAX_NODES]

    def walk(item, depth):
        budget[0] -= 1
        if budget[0] < 0 or depth > 100:
            parts.append("...")
        elif isinstance(item, PLAIN):
            parts.append(repr(item))
        elif isinstance(item, (list, tuple)):
            parts.append(type(item).__name__ + "[")
            for element in item:
                walk(element, depth + 1)
                parts.append(",")
            parts.append("]")
        elif isinstance(item, dict):
            parts.append("dict{")
            for key, element in item.items():
                walk(key, depth + 1)
                parts.append(":")
                walk(element, depth + 1)
                parts.append(",")
            parts.append("}")
        elif isinstance(item, (set, frozenset)):
            parts.append(type(item).__name__ + "{" + ",".join(sorted(canonical(e) for e in item)) + "}")
        else:
            parts.append("<" + type(item).__name__ + ">")

    walk(value, 0)
    return "".join(parts)


def digest(value):
    return hashlib.sha256(canonical(value).encode("utf-8", "backslashreplace")).hexdigest()[:16]


class OneShotRunner:
    """Stands in for pyperf.Runner: same construction and argument parsing, one call per benchmark."""

    def __init__(self, *args, **kwargs):
        self.metadata = dict(kwargs.get("metadata") or {})
        self.argparser = argparse.ArgumentParser()
        self.args = None

    def parse_args(self, args=None):
        if self.args is None:
            self.args = self.argparser.parse_args(args)
        return self.args

    def bench_func(self, name, func, *args, **kwargs):
        self._report(name, func(*args))

    def bench_time_func(self, name, time_func, *args, **kwargs):
        time_func(1, *args)
        self._report(name, None)

    def bench_async_func(self, name, func, *args, **kwargs):
        self._report(name, asyncio.run(func(*args)))

    def _report(self, name, result):
        print("result %s: %s" % (name, digest(result)), flush=True)


def main(argv):
    if not argv:
        sys.exit("usage: oneshot.py BENCHMARK_SCRIPT [options]")
    script = os.path.abspath(argv[0])
    sys.argv[:] = [script] + argv[1:]
    sys.path[0] = os.path.dirname(script)  # as `python script` would have it
    pyperf.Runner = OneShotRunner
    namespace = runpy.run_path(script, run_name="__main__")
    data = {k: v for k, v in namespace.items() if not k.startswith("__")}
    print("module data: %s" % digest(data))


if __name__ == "__main__":
    main(sys.argv[1:])
