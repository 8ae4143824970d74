"""The order of runs and the raw results they fill in.

Runs are interleaved so machine drift hits every runtime alike: for each round, for each program, the
whole-process run under each runtime in turn, then the steady-state run under each runtime in turn.
Before the first round each pyperformance program is calibrated once under CPython. A (program,
runtime, kind) that failed once is not run again: its error is in the results and the report.
"""
import sys
import time

from hotwire.bench import measure


def new_results(programs, runtimes, settings):
    return {
        "programs": [{"name": p.name, "kind": p.kind, "path": p.path, "args": list(p.args),
                      "tasks": [], "runs": {r.name: {"whole": [], "steady": {}, "errors": []}
                                            for r in runtimes}}
                     for p in programs],
        "runtimes": [{"name": r.name, "label": r.label, "version": r.version, "command": r.command}
                     for r in runtimes],
        "settings": settings,
    }


class Progress:
    """One line per run on stderr: which run of how many, program, runtime, kind, outcome."""

    def __init__(self, total, stream=sys.stderr):
        self.total, self.done, self.stream, self.started = total, 0, stream, time.monotonic()

    def report(self, program, runtime, kind, result, detail=""):
        self.done += 1
        outcome = f"{result.wall:.2f} s" if result.ok else f"FAILED ({result.error})"
        elapsed = time.monotonic() - self.started
        self.stream.write(f"[{self.done}/{self.total}, {elapsed / 60:.1f} min] {program} "
                          f"{runtime} {kind}{detail}: {outcome}\n")
        self.stream.flush()


def run(programs, runtimes, settings, stream=sys.stderr):
    """Run everything; the results dict (see new_results), with each run's raw numbers."""
    results = new_results(programs, runtimes, settings)
    records = dict(zip(programs, results["programs"]))
    per_round = len(programs) * len(runtimes) * 2
    progress = Progress(len(programs) + per_round * settings["rounds"], stream)
    cpython = runtimes[0]
    for program, record in records.items():
        result = measure.calibrate(cpython, program, settings["timeout"])
        if program.kind == "pyperformance":
            progress.report(program.name, cpython.name, "calibration", result)
        else:
            progress.done += 1
        if result.ok:
            record["tasks"] = result.extra["tasks"]
        else:
            for runtime in runtimes:
                record["runs"][runtime.name]["errors"].append(f"calibration: {result.error}")
    for round_number in range(settings["rounds"]):
        for program, record in records.items():
            for runtime in runtimes:
                _whole(program, runtime, record, settings, progress)
            for runtime in runtimes:
                _steady(program, runtime, record, settings, progress)
    return results


def _whole(program, runtime, record, settings, progress):
    runs = record["runs"][runtime.name]
    if any(e.startswith("whole") for e in runs["errors"]):
        progress.done += 1
        return
    result = measure.whole_process(runtime, program, settings["timeout"])
    progress.report(program.name, runtime.name, "whole process", result)
    if result.ok:
        runs["whole"].append({"wall": result.wall, "rss_kb": result.rss_kb, "stdout": result.stdout,
                              **result.extra})
    else:
        runs["errors"].append(f"whole process: {result.error}")


def _steady(program, runtime, record, settings, progress):
    """One pyperf worker running all of the program's benchmark functions.

    pyperf takes one loop count per worker; a program with several functions gets the smallest of
    their calibrated counts, so no function's value runs longer than its calibration asked for.
    """
    runs = record["runs"][runtime.name]
    if not record["tasks"] or any(e.startswith(("steady", "calibration")) for e in runs["errors"]):
        progress.done += 1
        return
    loops = min(loops for _, loops in record["tasks"])
    result = measure.steady_state(runtime, program, loops, settings["warmups"], settings["values"],
                                  settings["timeout"])
    progress.report(program.name, runtime.name, "steady state", result, f" (loops {loops})")
    if result.ok:
        for name, values in result.extra["values"].items():
            runs["steady"].setdefault(name, []).extend(values)
    else:
        runs["errors"].append(f"steady state: {result.error}")
