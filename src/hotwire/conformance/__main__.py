"""`python -m hotwire.conformance`: CPython's own regression tests, plain and under hotwire, compared.

Each selected module of the `test` package runs in two child processes (hotwire.conformance.worker):
plain CPython, and `python -m hotwire` with HOTWIRE_THRESHOLD=0. At most --jobs processes run at once.
The per-test outcomes are compared (hotwire.conformance.report) and written to OUT/report.md and
OUT/report.json; the raw outcome files, stats and logs go to OUT/raw/. The exit status is 0 when every
module is identical, 1 when some differ, 2 for a bad command line.
"""
import argparse
import shlex
import sys
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path

from hotwire.conformance import modules, report
from hotwire.conformance.runs import MODES, run_module

DEFAULT_TIMEOUT = 1800


def parse_args(argv):
    parser = argparse.ArgumentParser(
        prog="python -m hotwire.conformance",
        description="Run modules of CPython 3.12's regression suite plain and under hotwire "
                    "(HOTWIRE_THRESHOLD=0, everything compilable compiled) and report every test whose "
                    "outcome differs, with the number of functions compiled per module.",
        epilog="Without module names, the modules of the conformance issue run (" +
               str(len(modules.DEFAULT)) + "; 68 minutes here with 2 processes).")
    parser.add_argument("modules", nargs="*", metavar="MODULE",
                        help="test modules to run, e.g. test_grammar test_scope (default: the issue's list)")
    parser.add_argument("-o", "--out", type=Path, default=Path("conformance-results"),
                        help="results folder (default: ./conformance-results)")
    parser.add_argument("-j", "--jobs", type=int, default=2, help="processes at once (default 2)")
    parser.add_argument("--timeout", type=int, default=DEFAULT_TIMEOUT,
                        help=f"seconds allowed to one module in one mode (default {DEFAULT_TIMEOUT})")
    parser.add_argument("--update", action="store_true",
                        help="keep the other modules of the report already in OUT (rerun a few modules)")
    parser.add_argument("--list", action="store_true", help="print the default module list and exit")
    args = parser.parse_args(argv)
    if args.jobs < 1 or args.timeout < 1:
        parser.error("--jobs and --timeout must be at least 1")
    return args


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    args = parse_args(argv)
    if args.list:
        print("\n".join(modules.DEFAULT))
        return 0
    try:
        names = modules.check(args.modules or modules.DEFAULT)
    except modules.UnknownModule as exc:
        print(f"python -m hotwire.conformance: error: {exc}", file=sys.stderr)
        return 2
    args.out = args.out.resolve()  # the children run in directories of their own
    args.out.mkdir(parents=True, exist_ok=True)
    entries = report.load(args.out) if args.update else {}
    command_line = ("python -m hotwire.conformance " + shlex.join(argv)).strip()

    def module_done(plain, jit):  # the report is rewritten as each module ends: a stopped run keeps it
        entries[plain.module] = report.compare(plain, jit)
        return report.write(_in_order(entries), args.out, command_line)

    run_all(names, args.out / "raw", args.jobs, args.timeout, module_done)
    total = report.write(_in_order(entries), args.out, command_line)
    print(f"{total['identical']}/{total['modules']} modules identical, {total['tests_differing']} tests "
          f"differing, {total['functions_compiled']} functions compiled; report: {args.out / 'report.md'}")
    return 0 if total["identical"] == total["modules"] else 1


def _in_order(entries):
    """The default modules in the issue's order, then any others by name."""
    rank = {name: i for i, name in enumerate(modules.DEFAULT)}
    return [entries[name] for name in sorted(entries, key=lambda n: (rank.get(n, len(rank)), n))]


def run_all(names, raw_dir, jobs, timeout, module_done):
    """Every (module, mode) run, `jobs` at a time, with a progress line on stderr as each ends;
    module_done(plain_run, hotwire_run) once both runs of a module have ended."""
    tasks = [(name, mode) for name in names for mode in MODES]
    runs, start = {}, time.monotonic()
    with ThreadPoolExecutor(jobs) as pool:
        futures = [pool.submit(run_module, name, mode, raw_dir, timeout) for name, mode in tasks]
        for done, future in enumerate(as_completed(futures), 1):
            run = future.result()
            runs[run.module, run.mode] = run
            compiled = f", {run.compiled} compiled" if run.compiled is not None else ""
            print(f"[{done}/{len(tasks)} {time.monotonic() - start:.0f}s] {run.module} {run.mode}: "
                  f"{len(run.outcomes)} outcomes{compiled}, {run.status}, {run.seconds:.1f}s",
                  file=sys.stderr, flush=True)
            if all((run.module, mode) in runs for mode in MODES):
                module_done(runs[run.module, "plain"], runs[run.module, "hotwire"])


if __name__ == "__main__":
    sys.exit(main())
