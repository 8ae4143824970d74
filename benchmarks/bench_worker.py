"""One benchmark, one runtime, one fresh process: the body of each subprocess that bars.py starts.

Why a separate process per (program, runtime, round): a JIT leaves compiled code, caches and patched
function objects behind, so CPython and hotwire must never share an interpreter, and each round must start
cold. Why this file imports nothing heavy before `hotwire.enable()`: the JIT must be watching before the
benchmark module is imported, exactly as a user would turn it on at the top of their program.

Usage: python bench_worker.py PROGRAM --runtime {cpython,hotwire} [--threshold N] [--warmup W]
[--iterations K]. The result is one line on stdout, `BENCH_RESULT {json}`, holding the per-iteration
times and the program's output (a repr compared across runtimes by bars.py).
"""
import argparse
import importlib.util
import json
import os
import sys
import time

RESULT_MARKER = "BENCH_RESULT "
HERE = os.path.dirname(os.path.abspath(__file__))

# The functions whose compilation the report lists (None means nothing to look at).
HOT_FUNCTIONS = {
    "nbody": ("advance", "report_energy"),
    "spectral_norm": ("part_A_times_u", "part_At_times_u", "eval_A"),
    "fib": ("fib",),
}


def pyperformance_benchmark_file(name):
    """Path of the installed pyperformance's bm_<name>/run_benchmark.py.

    Found through importlib.util.find_spec, which locates the package without executing it, so the
    benchmark source is read from the installed package and never copied into this repository.
    """
    spec = importlib.util.find_spec("pyperformance")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("pyperformance is not installed (pip install -e '.[bench]')")
    for root in spec.submodule_search_locations:
        path = os.path.join(root, "data-files", "benchmarks", f"bm_{name}", "run_benchmark.py")
        if os.path.isfile(path):
            return path
    raise FileNotFoundError(f"no bm_{name}/run_benchmark.py under pyperformance's data-files")


def load_module(path, module_name):
    """Execute a file as a module whose __name__ is not '__main__', so its pyperf Runner part stays off."""
    spec = importlib.util.spec_from_file_location(module_name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    spec.loader.exec_module(module)
    return module


def setup_nbody():
    """bench_nbody(loops=1, DEFAULT_REFERENCE, DEFAULT_ITERATIONS), as the pyperformance Runner calls it.

    The benchmark returns only its time; its result is the system's state, which it mutates in place.
    Both runtimes run the same number of iterations, so the final energy and positions must agree bit
    for bit.
    """
    m = load_module(pyperformance_benchmark_file("nbody"), "hotwire_bm_nbody")

    def run_once():
        m.bench_nbody(1, m.DEFAULT_REFERENCE, m.DEFAULT_ITERATIONS)

    def output():
        return repr((m.report_energy(), [tuple(body[0]) for body in m.SYSTEM]))

    return m, run_once, output


def setup_spectral_norm():
    """bench_spectral_norm(loops=1), as the Runner calls it (it reads DEFAULT_N itself).

    The benchmark discards vBv and vv, so the output repeats its loop once more through the module's own
    (by then hot) functions, to check what the compiled code computes.
    """
    m = load_module(pyperformance_benchmark_file("spectral_norm"), "hotwire_bm_spectral_norm")

    def run_once():
        m.bench_spectral_norm(1)

    def output():
        u = [1] * m.DEFAULT_N
        for _ in range(10):
            v = m.eval_AtA_times_u(u)
            u = m.eval_AtA_times_u(v)
        vbv = vv = 0
        for ue, ve in zip(u, v):
            vbv += ue * ve
            vv += ve * ve
        return repr((vbv, vv))

    return m, run_once, output


def setup_fib():
    """fib(30) from benchmarks/fib.py; every iteration's result is part of the output."""
    m = load_module(os.path.join(HERE, "fib.py"), "hotwire_bench_fib")
    results = []

    def run_once():
        results.append(m.fib(m.FIB_N))

    def output():
        return repr(sorted(set(results)))

    return m, run_once, output


PROGRAMS = {"nbody": setup_nbody, "spectral_norm": setup_spectral_norm, "fib": setup_fib}


def compiled_report(hotwire, module, program):
    """Which hot functions hotwire says it compiled, and its stats; best effort, never fails the run."""
    report = {}
    try:
        for name in HOT_FUNCTIONS.get(program, ()):
            report[name] = bool(hotwire.is_compiled(getattr(module, name)))
    except Exception as exc:  # the API is young; a report must not cost the measurement
        report["error"] = repr(exc)
    try:
        stats = hotwire.stats()
        json.dumps(stats)
    except Exception as exc:
        stats = {"error": repr(exc)}
    return report, stats


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("program", choices=sorted(PROGRAMS))
    parser.add_argument("--runtime", choices=("cpython", "hotwire"), required=True)
    parser.add_argument("--threshold", type=int, default=2)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--iterations", type=int, default=10)
    args = parser.parse_args(argv)

    hotwire = None
    if args.runtime == "hotwire":
        import hotwire  # noqa: F811 -- before the benchmark module, as a user would

        hotwire.enable(threshold=args.threshold)

    module, run_once, output = PROGRAMS[args.program]()
    for _ in range(args.warmup):
        run_once()
    times = []
    clock = time.perf_counter
    for _ in range(args.iterations):
        t0 = clock()
        run_once()
        times.append(clock() - t0)

    result = {"program": args.program, "runtime": args.runtime, "times": times, "output": output()}
    if hotwire is not None:
        result["compiled"], result["stats"] = compiled_report(hotwire, module, args.program)
    sys.stdout.write(RESULT_MARKER + json.dumps(result) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
