"""Run corpus programs repeatedly in one JIT-enabled process and report how many memory blocks stay allocated.

    python tests/refcount_driver.py [--runs N] prog.py [prog.py ...]

hotwire is enabled with threshold 0, so every function a program defines is compiled at its first call. Each
program is executed N times (default 12) with runpy.run_path(prog, run_name='__main__'); its stdout/stderr go
to fresh io.StringIO objects and anything it raises (SystemExit included) is caught and recorded. The driver
collects garbage after every run and reads sys.getallocatedblocks() after run 3 and after run N. Every run
re-compiles the source, so each run creates new code objects and new functions: whatever the JIT attaches
to them must be released when they die, or the block count grows with every run.

For each program one line goes to the real stdout, prefixed with RESULT_PREFIX and holding JSON:
    {"prog": name, "runs": N, "blocks_after_3": int, "blocks_after_n": int, "growth": int,
     "outcomes": [per-run outcome, e.g. "ok", "SystemExit(3)", "ZeroDivisionError"],
     "stdout_mismatches": how many of runs 3..N printed something other than run 2 did}
A crash kills the process before the program's line is printed; the caller attributes it to that program.
A program that takes longer than --program-timeout seconds (all N runs together) is taken for a hang: the
stacks of all threads are dumped to stderr (faulthandler) and the process exits.

Process-wide state that a program may legitimately change (warning filters, recursion limit, int string
digit limit, builtins, cwd, argv) is restored after every run, so programs sharing one process do not
disturb each other.
"""
import argparse
import builtins
import contextlib
import faulthandler
import gc
import io
import json
import os
import runpy
import sys
import warnings

RESULT_PREFIX = "REFCOUNT-RESULT "


def _settle():
    """Collect garbage until nothing more is freed, then drop the method cache; return the block count."""
    for _ in range(3):
        if not gc.collect():
            break
    sys._clear_type_cache()
    return sys.getallocatedblocks()


def _run_once(path):
    out, err = io.StringIO(), io.StringIO()
    saved_builtins = dict(builtins.__dict__)
    saved_argv = sys.argv[:]
    saved_cwd = os.getcwd()
    saved_limit = sys.getrecursionlimit()
    saved_digits = sys.get_int_max_str_digits()
    sys.argv = [path]
    outcome = "ok"
    try:
        with warnings.catch_warnings(), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                runpy.run_path(path, run_name="__main__")
            except SystemExit as e:
                outcome = f"SystemExit({e.code!r})" if e.code not in (None, 0) else "ok"
            except Exception as e:  # noqa: BLE001 - the program's own uncaught error is an outcome
                outcome = type(e).__name__
    finally:
        sys.argv = saved_argv
        os.chdir(saved_cwd)
        sys.setrecursionlimit(saved_limit)
        sys.set_int_max_str_digits(saved_digits)
        if builtins.__dict__ != saved_builtins:
            builtins.__dict__.clear()
            builtins.__dict__.update(saved_builtins)
        saved_builtins = None
    # Interned, so that recording the same outcome again allocates nothing between the two measurements.
    return sys.intern(outcome), out.getvalue()


def measure(path, runs):
    # Everything the loop keeps is allocated before the first measurement, so the driver itself adds
    # nothing between run 3 and run N: a preallocated list of interned outcomes, one kept stdout text.
    outcomes = [None] * runs
    first_stdout = None
    stdout_mismatches = 0
    after3 = None
    for i in range(runs):
        outcomes[i], text = _run_once(path)
        if i == 1:
            first_stdout = text
        elif i > 1 and text != first_stdout:
            stdout_mismatches += 1
        text = None
        # Collect after every run, not only before the two readings: a run's functions and code objects
        # sit in reference cycles (function -> globals -> function), so without this they would die in
        # whichever automatic collection happens to come, and a JIT that releases its per-code data
        # lazily (e.g. at its next compilation) would hold a varying number of runs' worth at a reading.
        blocks = _settle()
        if i == 2:
            after3 = blocks
    after_n = blocks
    return {"prog": os.path.basename(path), "runs": runs, "blocks_after_3": after3, "blocks_after_n": after_n,
            "growth": after_n - after3, "outcomes": outcomes, "stdout_mismatches": stdout_mismatches}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=12)
    ap.add_argument("--no-jit", action="store_true", help="do not enable hotwire (to measure CPython's own noise)")
    ap.add_argument("--program-timeout", type=float, default=60.0,
                    help="seconds for all runs of one program before the stacks are dumped and the process exits")
    ap.add_argument("progs", nargs="+")
    args = ap.parse_args(argv)
    if args.runs < 4:
        ap.error("--runs must be at least 4 (the baseline is taken after run 3)")
    if not args.no_jit:
        import hotwire
        hotwire.enable(threshold=0)
    real_stdout = sys.stdout
    for prog in args.progs:
        sys.__stderr__.write(f"refcount_driver: {prog}\n")
        sys.__stderr__.flush()
        faulthandler.dump_traceback_later(args.program_timeout, exit=True, file=sys.__stderr__)
        try:
            result = measure(os.path.abspath(prog), args.runs)
        finally:
            faulthandler.cancel_dump_traceback_later()
        real_stdout.write(RESULT_PREFIX + json.dumps(result) + "\n")
        real_stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
