"""The command line of `hotwire bench` / `python -m hotwire.bench`.

Errors the user can fix (an unknown benchmark, PyPy asked for but absent, a missing seed directory
given explicitly, a file --compare cannot read) are one line on stderr and exit status 2, never a
traceback. Exit status 1 when any program is WRONG under some runtime, else 0.
"""
import argparse
import json
import os
import sys
import time

from hotwire.bench import compare, plot, report, runtimes, schedule, suite

# quick: for development, two programs in a few minutes. full: the whole suite in one round (about 7
# minutes here), with five warm-ups: a function that becomes hot late (1000 calls spread over several
# values) is compiled in line by hotwire's worker, and with two warm-ups that compile often fell into a
# measured value (regex_v8 read 0.11x; in one process its calls took 3.9 s, 0.3 s, then 0.06 s).
MODES = {
    "quick": {"rounds": 1, "warmups": 1, "values": 2, "timeout": 300.0,
              "programs": ("nbody", "call_args")},
    "full": {"rounds": 1, "warmups": 5, "values": 3, "timeout": 900.0, "programs": None},
}


class UsageError(Exception):
    """Reported as one line: `hotwire bench: error: ...`, exit status 2."""


def parser(prog):
    p = argparse.ArgumentParser(
        prog=prog, description="Run benchmarks under CPython, hotwire and PyPy (when installed), "
        "interleaved, and write a Markdown table, an SVG plot and JSON with every raw number.",
        epilog="The default suite is the pure-Python pyperformance benchmarks named in "
        "docs/benchmarks.md plus the seed programs. Exit status: 0, 1 if a result is WRONG, 2 on "
        "a usage error.")
    p.add_argument("names", nargs="*", metavar="NAME",
                   help="benchmarks to run (pyperformance names or script names); default: the suite")
    p.add_argument("--quick", action="store_true",
                   help=f"a few programs ({', '.join(MODES['quick']['programs'])} unless NAMEs are "
                   "given), one round, few values: a few minutes")
    p.add_argument("--all", action="store_true",
                   help="every pure-Python pyperformance benchmark, not only the default suite")
    pypy = p.add_mutually_exclusive_group()
    pypy.add_argument("--pypy", action="store_true", default=None,
                      help="require PyPy (pypy3 on PATH); default: use it when present")
    pypy.add_argument("--no-pypy", dest="pypy", action="store_false", help="leave PyPy out")
    p.add_argument("--seed-dir", metavar="DIR", help=f"seed programs (default {suite.DEFAULT_SEED_DIR})")
    p.add_argument("--script", metavar="PATH", action="append", default=[],
                   help="also run this script program (repeatable)")
    p.add_argument("--rounds", type=int, help="runs of each kind per program and runtime")
    p.add_argument("--warmups", type=int, help="pyperf warm-up values per steady-state worker")
    p.add_argument("--values", type=int, help="pyperf values per steady-state worker")
    p.add_argument("--threshold", type=int, help="hotwire's --threshold (default: hotwire's own)")
    p.add_argument("--results", metavar="DIR",
                   help="where report.md, results.json and the plots go (default: "
                   "bench-results/<date-time>)")
    p.add_argument("--list", action="store_true", help="list the benchmarks that can be run and exit")
    p.add_argument("--compare", nargs=2, metavar=("OLD.json", "NEW.json"),
                   help="compare two results files and exit")
    return p


def main(argv=None, prog="hotwire bench"):
    args = parser(prog).parse_args(argv)
    try:
        return _main(args)
    except (UsageError, suite.SuiteError, runtimes.RuntimeMissing, compare.CompareError) as error:
        sys.stderr.write(f"{prog}: error: {error}\n")
        return 2
    except KeyboardInterrupt:
        sys.stderr.write(f"{prog}: interrupted\n")
        return 130
    except BrokenPipeError:  # `hotwire bench --list | head`
        sys.stderr.close()
        return 0


def _main(args):
    if args.compare:
        sys.stdout.write(compare.compare(compare.load(args.compare[0]), compare.load(args.compare[1])))
        return 0
    programs = _programs(args)
    if args.list:
        for program in programs:
            sys.stdout.write(f"{program.name}\t{program.kind}\t{program.path}\n")
        return 0
    chosen_runtimes = runtimes.select(args.pypy, args.threshold)
    settings = _settings(args)
    results_dir = args.results or os.path.join("bench-results", time.strftime("%Y%m%d-%H%M%S"))
    os.makedirs(results_dir, exist_ok=True)
    sys.stderr.write(f"hotwire bench: {len(programs)} programs under "
                     f"{', '.join(r.label for r in chosen_runtimes)}; results in {results_dir}\n")
    started, load_before = time.strftime("%Y-%m-%d %H:%M"), os.getloadavg()[0]
    results = schedule.run(programs, chosen_runtimes, settings)
    results.update(format=report.FORMAT, started=started, load=[load_before, os.getloadavg()[0]],
                   cpython_build=report.cpython_build_note(), machine=report.machine_note())
    rows = write(results, results_dir)
    wrong = any(row[r["name"]]["check"] == "WRONG" for row in rows for r in results["runtimes"])
    return 1 if wrong else 0


def _programs(args):
    """The selected programs; the seed directory's absence is an error only when it was named."""
    seed_dir = args.seed_dir or suite.DEFAULT_SEED_DIR
    seeds = suite.seed_programs(seed_dir)
    if seeds is None:
        message = f"seed programs: directory {seed_dir} not found"
        if args.seed_dir:
            raise UsageError(message)
        sys.stderr.write(f"hotwire bench: {message}; running without them (--seed-dir DIR)\n")
        seeds = {}
    missing = [path for path in args.script if not os.path.isfile(path)]
    if missing:
        raise UsageError(f"--script: no such file {missing[0]}")
    scripts = {**seeds, **suite.script_programs(args.script)}
    names = args.names
    if not names and args.quick:  # --quick alone: its programs; with --script: those scripts
        names = list(suite.script_programs(args.script)) if args.script else list(MODES["quick"]["programs"])
    return suite.select(names, suite.pyperformance_benchmarks(), scripts, everything=args.all)


def _settings(args):
    mode = "quick" if args.quick else "full"
    settings = {k: v for k, v in MODES[mode].items() if k != "programs"}
    for key in ("rounds", "warmups", "values"):
        value = getattr(args, key)
        if value is not None:
            if value < (0 if key == "warmups" else 1):
                raise UsageError(f"--{key} must be at least {0 if key == 'warmups' else 1}")
            settings[key] = value
    settings.update(mode=mode, threshold=args.threshold)
    return settings


def write(results, results_dir):
    """report.md, results.json, whole.svg and steady.svg; the report also goes to stdout."""
    names = [r["name"] for r in results["runtimes"]]
    rows = [report.summarize(p, names) for p in results["programs"]]
    text = report.markdown(results, rows)
    with open(os.path.join(results_dir, "results.json"), "w") as fh:
        json.dump(results, fh, indent=1)
    with open(os.path.join(results_dir, "report.md"), "w") as fh:
        fh.write(text)
    programs = [row["program"] for row in rows]
    for measure, title in (("whole", "whole process"), ("steady", "steady state (per loop)")):
        series = [(r["name"], r["label"],
                   {row["program"]: (None if row[r["name"]]["check"] == "WRONG" else row[r["name"]][measure])
                    for row in rows}) for r in results["runtimes"]]
        with open(os.path.join(results_dir, f"{measure}.svg"), "w") as fh:
            fh.write(plot.svg(f"hotwire bench: {title}", programs, series))
    sys.stdout.write(text)
    sys.stdout.write(f"\nresults: {results_dir}/report.md, results.json, whole.svg, steady.svg\n")
    return rows
