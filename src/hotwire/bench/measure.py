"""Running one child process and reading what it measured.

Three kinds of run, each in a fresh process so no JIT state crosses runs:

- whole process: the program as a user starts it (`<runtime> script.py`, or oneshot.py for a
  pyperformance benchmark); the harness takes the wall time from spawn to exit, the peak RSS of the
  child (os.wait4's rusage), its stdout (compared across runtimes), and under hotwire the compile time
  and count from HOTWIRE_STATS_FILE;
- calibration: pyperf's `--worker --calibrate-loops` under CPython, giving each benchmark function's loop
  count; every runtime then runs the same loops;
- steady state: pyperf's own worker (`--worker --loops N --warmups W --values V
  --output FILE`) under each runtime; the values are pyperf's seconds per loop after the warm-ups.
  hotwire's worker compiles in line (HOTWIRE_SYNC=1), so what becomes hot during the warm-ups is
  compiled before the values are taken: with the background compiler, a worker of a second or two
  measured the compiler's progress (and its share of the GIL), not compiled code. The whole-process
  run keeps the background compiler, as a user gets it.

Nothing here raises for a failed child: a RunResult with ok=False carries the reason.
"""
import json
import os
import signal
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field

from hotwire.runtime.compile_process import wait_for_processes

HERE = os.path.dirname(os.path.abspath(__file__))
ONESHOT = os.path.join(HERE, "oneshot.py")
SEED_WORKER = os.path.join(HERE, "seed_worker.py")


@dataclass
class RunResult:
    ok: bool
    wall: float = None           # seconds, spawn to exit
    rss_kb: int = None           # peak resident set size of the child
    stdout: str = ""
    error: str = ""              # one line when not ok
    extra: dict = field(default_factory=dict)


def run_child(command, env, timeout):
    """Run `command`; wall time, peak RSS and stdout. stderr is kept only for the error line."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=out, stderr=err, env=env,
                                start_new_session=True)
        timer = threading.Timer(timeout, os.killpg, (proc.pid, signal.SIGKILL))
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        wall = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        # A hotwire program's compile processes outlive it (runtime/compile_process.py): the next
        # measured run must not share the machine with them. (Their memory is not in rss_kb.)
        wait_for_processes(timeout)
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode(errors="replace")
        stderr = err.read().decode(errors="replace")
    if proc.returncode != 0:
        reason = (f"timed out after {timeout:g} s" if proc.returncode == -signal.SIGKILL
                  and wall >= timeout else f"exit status {proc.returncode}: {last_line(stderr)}")
        return RunResult(False, wall, usage.ru_maxrss, stdout, reason)
    return RunResult(True, wall, usage.ru_maxrss, stdout)


def last_line(text):
    """The last non-blank line (a traceback's exception line)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else "(no output on stderr)"


def program_command(program):
    """The program's own command line after the runtime prefix."""
    if program.kind == "script":
        return [program.path]
    return [ONESHOT, program.path, *program.args]


def whole_process(runtime, program, timeout):
    """One complete run; under hotwire also its compile statistics."""
    with tempfile.TemporaryDirectory() as tmp:
        stats_file = os.path.join(tmp, "stats.json")
        env = runtime.environ({"HOTWIRE_STATS_FILE": stats_file} if runtime.name == "hotwire" else None)
        result = run_child(runtime.command + program_command(program), env, timeout)
        if result.ok and runtime.name == "hotwire" and os.path.exists(stats_file):
            with open(stats_file) as fh:
                stats = json.load(fh)
            result.extra = {"compile_seconds": stats["compile_seconds"], "compiled": stats["compiled"]}
    return result


def worker_command(program, options):
    """pyperf worker command line for `program` (after the runtime prefix)."""
    if program.kind == "script":
        return [SEED_WORKER, program.path, *options]
    return [program.path, *options, *program.args]


def read_pyperf_json(path):
    """[(benchmark name, loops, values)] from a pyperf JSON file (one benchmark or a suite)."""
    with open(path) as fh:
        data = json.load(fh)
    found = []
    for bench in data["benchmarks"]:
        metadata = {**data.get("metadata", {}), **bench.get("metadata", {})}
        values = [v for run in bench["runs"] for v in run.get("values", [])]
        loops = metadata.get("loops")
        for run in bench["runs"]:
            loops = run.get("metadata", {}).get("loops", loops)
        found.append((metadata.get("name"), loops, values))
    return found


def calibrate(runtime, program, timeout):
    """Loops per benchmark function, by pyperf's calibration under `runtime` (CPython).

    A script program is one function whose run takes long enough by itself: one loop.
    """
    if program.kind == "script":
        return RunResult(True, extra={"tasks": [[program.name, 1]]})
    with tempfile.TemporaryDirectory() as tmp:
        output = os.path.join(tmp, "calibration.json")
        result = run_child(runtime.command + worker_command(
            program, ["--worker", "--calibrate-loops", "--output", output]), runtime.environ(), timeout)
        if result.ok:
            result.extra = {"tasks": [[name, loops] for name, loops, _ in read_pyperf_json(output)]}
    return result


def steady_state(runtime, program, loops, warmups, values, timeout):
    """{benchmark function: pyperf's per-loop values} from one worker running all of the program's
    functions, each with `loops` loops, `warmups` warm-ups and `values` values."""
    with tempfile.TemporaryDirectory() as tmp:
        output = os.path.join(tmp, "values.json")
        options = ["--worker", "--loops", str(loops), "--warmups", str(warmups), "--values", str(values),
                   "--output", output]
        env = runtime.environ({"HOTWIRE_SYNC": "1"} if runtime.name == "hotwire" else None)
        result = run_child(runtime.command + worker_command(program, options), env, timeout)
        if result.ok:
            result.extra = {"values": {name: found for name, _, found in read_pyperf_json(output)}}
    return result
