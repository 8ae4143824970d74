"""Measure hotwire against plain CPython on the programs that define the core JIT's bars.

    .venv/bin/python benchmarks/bars.py [--quick] [--json out.json] [--threshold N]

Bars: pyperformance nbody >= 4x, pyperformance spectral_norm >= 4x, recursive fib(30) >= 20x, where the
speed-up is CPython's median time per iteration divided by hotwire's. Speed is measured here and never
asserted in the test suite: timings depend on the machine, so a slow run reports FAIL in a table
instead of breaking a build. Correctness is not negotiable: each run reports its program's output, and
if hotwire's differs from CPython's the row says WRONG whatever the speed.

Every (program, runtime, round) runs in a fresh subprocess (bench_worker.py) so no JIT state leaks, and
runtimes are interleaved round by round (cpython, hotwire, cpython, hotwire, ...) so that machine drift
(thermal throttling, a noisy neighbour) hits both alike. Exit status is 1 only for WRONG or ERROR.
"""
import argparse
import importlib.util
import json
import os
import platform
import statistics
import subprocess
import sys
import sysconfig
import time

HERE = os.path.dirname(os.path.abspath(__file__))
WORKER = os.path.join(HERE, "bench_worker.py")
RUNTIMES = ("cpython", "hotwire")
BARS = {"nbody": 4.0, "spectral_norm": 4.0, "fib": 20.0}
LABELS = {"nbody": "nbody", "spectral_norm": "spectral_norm", "fib": "fib(30)"}
FULL = {"warmup": 3, "iterations": 10, "rounds": 5, "timeout": 600.0}
QUICK = {"warmup": 3, "iterations": 3, "rounds": 2, "timeout": 120.0}


def _load_worker():
    """The worker module, loaded by path: benchmarks/ is not a package (and site-packages already has a
    top-level `benchmarks` from pyperformance), so a plain import would be ambiguous."""
    spec = importlib.util.spec_from_file_location("hotwire_bench_worker", WORKER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


worker = _load_worker()


# ---- pure parts (tested in tests/test_bench_harness.py) -------------------------------------------

def speedup(cpython_seconds, hotwire_seconds):
    """CPython time / hotwire time, so 4.0 means hotwire is four times faster; None if not measurable."""
    if cpython_seconds is None or hotwire_seconds is None or hotwire_seconds <= 0:
        return None
    return cpython_seconds / hotwire_seconds


def summarize(times):
    """(min, median) of per-iteration times, or (None, None) when nothing ran."""
    if not times:
        return None, None
    return min(times), statistics.median(times)


def outputs_agree(outputs):
    """True when every run of both runtimes produced the same output (and at least one did)."""
    return len(outputs) > 0 and len(set(outputs)) == 1


def verdict(ratio, bar, agree, error):
    """ERROR beats WRONG beats the speed verdict: a failed run cannot be compared, and a fast wrong
    answer is worse than a slow right one."""
    if error:
        return "ERROR"
    if not agree:
        return "WRONG"
    if ratio is None:
        return "ERROR"
    return "PASS" if ratio >= bar else "FAIL"


def format_seconds(seconds):
    if seconds is None:
        return "-"
    if seconds >= 1:
        return f"{seconds:.3g} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.3g} ms"
    return f"{seconds * 1e6:.3g} us"


def format_time_cell(min_s, median_s):
    if median_s is None:
        return "-"
    return f"{format_seconds(median_s)} (min {format_seconds(min_s)})"


def format_table(rows):
    """Markdown table; each row is a dict as built by build_row()."""
    header = ["program", "CPython median (min)", "hotwire median (min)", "speed-up", "bar",
              "compiled", "result"]
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    for row in rows:
        ratio = "-" if row["ratio"] is None else f"{row['ratio']:.2f}x"
        cells = [LABELS.get(row["program"], row["program"]),
                 format_time_cell(row["cpython_min"], row["cpython_median"]),
                 format_time_cell(row["hotwire_min"], row["hotwire_median"]),
                 ratio, f">= {row['bar']:g}x", row.get("compiled", "-"), row["result"]]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def parse_worker_stdout(stdout):
    """The worker's result dict from its last BENCH_RESULT line, or None (anything else is ignored, so
    a chatty benchmark or a debug print cannot corrupt the result)."""
    for line in reversed(stdout.splitlines()):
        if line.startswith(worker.RESULT_MARKER):
            try:
                return json.loads(line[len(worker.RESULT_MARKER):])
            except ValueError:
                return None
    return None


def compiled_cell(compiled):
    """'2/3' hot functions compiled in the last hotwire run; '-' if unknown."""
    if not compiled or "error" in compiled:
        return "-"
    return f"{sum(1 for v in compiled.values() if v)}/{len(compiled)}"


def last_line(text):
    """The line of a traceback that names the exception, for the one-line note under the table."""
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    return lines[-1] if lines else "(no stderr)"


def build_row(program, runs):
    """Fold every run of one program (both runtimes, all rounds) into one table row."""
    times = {rt: [t for r in runs if r["runtime"] == rt and r["ok"] for t in r["times"]]
             for rt in RUNTIMES}
    (cp_min, cp_med), (hw_min, hw_med) = summarize(times["cpython"]), summarize(times["hotwire"])
    outputs = [r["output"] for r in runs if r["ok"]]
    error = any(not r["ok"] for r in runs) or not times["cpython"] or not times["hotwire"]
    agree = outputs_agree(outputs)
    ratio = speedup(cp_med, hw_med)
    hw_runs = [r for r in runs if r["runtime"] == "hotwire" and r["ok"]]
    failures = [f"{r['runtime']} round {r.get('round', 0) + 1}: {last_line(r['stderr'])}"
                for r in runs if not r["ok"]]
    return {"program": program, "bar": BARS[program], "cpython_min": cp_min, "cpython_median": cp_med,
            "hotwire_min": hw_min, "hotwire_median": hw_med, "ratio": ratio,
            "outputs_agree": agree, "distinct_outputs": sorted(set(outputs)),
            "compiled": compiled_cell(hw_runs[-1].get("compiled") if hw_runs else None),
            "failures": failures, "result": verdict(ratio, BARS[program], agree, error)}


def cpython_build_note():
    """Say which CPython the baseline is: a pyenv build without PGO/LTO is slower than a distro
    Python, which inflates every speed-up, so the table must never appear without this note."""
    config = sysconfig.get_config_var("CONFIG_ARGS") or ""
    pgo = "--enable-optimizations" in config
    lto = "--with-lto" in config
    flags = " and ".join(f"{'with' if on else 'without'} {name}" for name, on in (("PGO", pgo), ("LTO", lto)))
    return (f"CPython baseline: {platform.python_version()} at {os.path.realpath(sys.executable)}, "
            f"built {flags} (from sysconfig CONFIG_ARGS)"
            + ("; pyenv's default build, slower than a distro/python.org CPython, so speed-ups read "
               "higher than they would against an optimized build." if not (pgo or lto) else "."))


# ---- running -----------------------------------------------------------------------------------

def run_worker(program, runtime, settings, threshold):
    """One fresh subprocess; never raises: a failure comes back as ok=False with its stderr."""
    cmd = [sys.executable, WORKER, program, "--runtime", runtime, "--threshold", str(threshold),
           "--warmup", str(settings["warmup"]), "--iterations", str(settings["iterations"])]
    started = time.perf_counter()
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=settings["timeout"])
    except subprocess.TimeoutExpired as exc:
        stderr = exc.stderr.decode(errors="replace") if isinstance(exc.stderr, bytes) else exc.stderr
        return {"program": program, "runtime": runtime, "ok": False, "times": [], "output": None,
                "stderr": f"timed out after {settings['timeout']} s\n{stderr or ''}", "returncode": None}
    wall = time.perf_counter() - started
    result = parse_worker_stdout(proc.stdout) if proc.returncode == 0 else None
    if result is None:
        return {"program": program, "runtime": runtime, "ok": False, "times": [], "output": None,
                "stderr": proc.stderr + ("" if proc.returncode else "\n(no BENCH_RESULT line)"),
                "returncode": proc.returncode, "wall": wall}
    result.update(ok=True, stderr=proc.stderr, returncode=0, wall=wall)
    return result


def run_all(programs, settings, threshold, log=sys.stderr):
    runs = []
    failed = set()  # (program, runtime) pairs that already failed: don't spend rounds repeating it
    for rnd in range(settings["rounds"]):
        for program in programs:
            for runtime in RUNTIMES:
                if (program, runtime) in failed:
                    continue
                run = run_worker(program, runtime, settings, threshold)
                run["round"] = rnd
                runs.append(run)
                if run["ok"]:
                    med = statistics.median(run["times"])
                    print(f"round {rnd + 1}/{settings['rounds']} {program:<13} {runtime:<7} "
                          f"median {format_seconds(med)}", file=log, flush=True)
                else:
                    failed.add((program, runtime))
                    print(f"round {rnd + 1}/{settings['rounds']} {program} {runtime} FAILED "
                          f"(exit {run['returncode']}); its stderr:\n{run['stderr'].rstrip()}\n",
                          file=log, flush=True)
    return runs


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer iterations and rounds (~10-20 s)")
    parser.add_argument("--json", metavar="PATH", help="also write the raw numbers here")
    parser.add_argument("--threshold", type=int, default=2, help="hotwire.enable(threshold=...)")
    parser.add_argument("--programs", nargs="+", choices=sorted(BARS), default=list(BARS))
    parser.add_argument("--rounds", type=int)
    parser.add_argument("--iterations", type=int)
    parser.add_argument("--warmup", type=int)
    args = parser.parse_args(argv)

    settings = dict(QUICK if args.quick else FULL)
    # Warm-up must outlast the threshold, or the timed iterations would include compilation
    # (nbody calls advance() once per iteration, so threshold N needs N+1 warm-up iterations).
    settings["warmup"] = max(settings["warmup"], args.threshold + 1)
    for key in ("rounds", "iterations", "warmup"):
        if getattr(args, key) is not None:
            settings[key] = getattr(args, key)

    runs = run_all(args.programs, settings, args.threshold)
    rows = [build_row(p, [r for r in runs if r["program"] == p]) for p in args.programs]

    print(f"# hotwire bars ({'quick' if args.quick else 'full'} run)\n")
    print(format_table(rows))
    print()
    print(f"- speed-up = CPython median / hotwire median, per iteration, after {settings['warmup']} "
          f"warm-up iterations; {settings['iterations']} timed iterations x {settings['rounds']} "
          f"round(s) per runtime, each round a fresh process, runtimes interleaved.")
    print(f"- hotwire: `hotwire.enable(threshold={args.threshold})` before the benchmark is imported; "
          f"'compiled' = hot functions hotwire.is_compiled() reports in the last hotwire run.")
    print(f"- {cpython_build_note()}")
    for row in rows:
        if row["result"] == "WRONG":
            print(f"- {LABELS[row['program']]}: outputs differ: {row['distinct_outputs']}")
        for failure in row["failures"]:
            print(f"- {LABELS[row['program']]}: ERROR in {failure} (full stderr went to stderr, and to --json)")
    print(f"- machine: {platform.machine()}, {platform.platform()}, {os.cpu_count()} CPUs")

    if args.json:
        with open(args.json, "w") as fh:
            json.dump({"settings": settings, "threshold": args.threshold, "python": sys.version,
                       "cpython_build": cpython_build_note(), "rows": rows, "runs": runs}, fh, indent=1)
        print(f"- raw numbers: {args.json}")
    return 1 if any(r["result"] in ("WRONG", "ERROR") for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
