"""The core JIT's bars, measured by `hotwire bench`: nbody >= 4x, spectral_norm >= 4x, fib(30) >= 20x.

    .venv/bin/python benchmarks/bars.py [--quick] [--json out.json] [--threshold N]

A thin use of the harness (src/hotwire/bench, docs/benchmarks.md): it runs pyperformance's nbody and
spectral_norm and benchmarks/fib.py under CPython and hotwire, then holds each steady-state speed-up
(CPython's time per loop / hotwire's) against its bar. Speed is reported, never asserted in tests; a
result that differs from CPython's is WRONG whatever its speed. Exit status 1 for WRONG or ERROR.
"""
import argparse
import json
import os
import sys
import time

from hotwire.bench import cli, report

HERE = os.path.dirname(os.path.abspath(__file__))
BARS = {"nbody": 4.0, "spectral_norm": 4.0, "fib": 20.0}


def verdict(row):
    """ERROR beats WRONG beats the speed verdict: a fast wrong answer is worse than a slow right one."""
    check = row["hotwire"]["check"]
    if check in ("ERROR", "WRONG"):
        return check
    ratio = report.speedup(row["cpython"]["steady"], row["hotwire"]["steady"])
    if ratio is None:
        return "ERROR"
    return "PASS" if ratio >= BARS[row["program"]] else "FAIL"


def bars_table(rows):
    lines = ["| program | CPython steady | hotwire steady | speed-up | bar | result |", "|---|---|---|---|---|---|"]
    for row in rows:
        ratio = report.speedup(row["cpython"]["steady"], row["hotwire"]["steady"])
        lines.append(f"| {row['program']} | {report.format_seconds(row['cpython']['steady'])} | "
                     f"{report.format_seconds(row['hotwire']['steady'])} | {report.format_ratio(ratio)} | "
                     f">= {BARS[row['program']]:g}x | {verdict(row)} |")
    return "\n".join(lines) + "\n"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one round, few values")
    parser.add_argument("--json", metavar="PATH", help="also copy the raw results here")
    parser.add_argument("--threshold", type=int, help="hotwire's --threshold")
    args = parser.parse_args(argv)
    results_dir = os.path.join("bench-results", "bars-" + time.strftime("%Y%m%d-%H%M%S"))
    options = [*BARS, "--script", os.path.join(HERE, "fib.py"), "--no-pypy", "--results", results_dir]
    options += ["--quick"] if args.quick else []
    options += [] if args.threshold is None else ["--threshold", str(args.threshold)]
    status = cli.main(options, prog="bars.py")
    if status == 2:
        return status
    with open(os.path.join(results_dir, "results.json")) as fh:
        results = json.load(fh)
    rows = [report.summarize(p, ["cpython", "hotwire"]) for p in results["programs"]]
    sys.stdout.write("\n# bars\n\n" + bars_table(rows))
    if args.json:
        with open(args.json, "w") as fh:
            json.dump(results, fh, indent=1)
    return 1 if any(verdict(row) in ("WRONG", "ERROR") for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
