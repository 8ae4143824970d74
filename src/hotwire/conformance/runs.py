"""Running one regression-test module in a child process, plain or under hotwire, and reading back
what it recorded.

Each run gets its own empty working directory (tests create files named after test.support.TESTFN
there), PYTHONHASHSEED=0, and no HOTWIRE_* variables but the ones set here: the hotwire run has
HOTWIRE_THRESHOLD=0 and HOTWIRE_SYNC=1, so every function the JIT can compile is compiled at its first
call, before it runs (with background compilation a short test module would end before the compiler
thread had done much), stdlib code included (no HOTWIRE_ONLY), and HOTWIRE_STATS_FILE, from which the
number of compiled functions comes.
"""
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

MODES = ("plain", "hotwire")


@dataclass
class Run:
    """What one child process did: its end (`status`), its outcomes by test id, and, under hotwire,
    the JIT's counters."""
    module: str
    mode: str
    status: str                     # "exit 0", "exit 1", "killed by SIGSEGV", "timeout after 900 s"
    seconds: float
    outcomes: dict = field(default_factory=dict)   # test id -> (outcome, detail)
    unfinished: str | None = None   # the test that was running when the process died or timed out
    compiled: int | None = None
    rejected: int | None = None
    stderr_tail: str = ""


def command(module, mode, results_file):
    worker = ["-m", "hotwire.conformance.worker", module, str(results_file)]
    return [sys.executable, *(["-m", "hotwire"] if mode == "hotwire" else []), *worker]


def environment(mode, stats_file):
    env = {k: v for k, v in os.environ.items() if not k.startswith("HOTWIRE_")}
    env["PYTHONHASHSEED"] = "0"
    for name in ("PYTHONSTARTUP", "PYTHONWARNINGS", "PYTHONPATH"):
        env.pop(name, None)
    if mode == "hotwire":
        env["HOTWIRE_THRESHOLD"] = "0"
        env["HOTWIRE_SYNC"] = "1"
        env["HOTWIRE_STATS_FILE"] = str(stats_file)
    return env


def run_module(module, mode, raw_dir, timeout):
    """Run `module` in a child process in `mode` ("plain" or "hotwire"); keep its files in raw_dir."""
    raw_dir.mkdir(parents=True, exist_ok=True)
    results_file = raw_dir / f"{module}.{mode}.jsonl"
    stats_file = raw_dir / f"{module}.{mode}.stats.json"
    log_file = raw_dir / f"{module}.{mode}.log"
    for stale in (results_file, stats_file):
        stale.unlink(missing_ok=True)
    start = time.monotonic()
    with tempfile.TemporaryDirectory(prefix=f"hwconf-{module}-{mode}-") as cwd, open(log_file, "wb") as log:
        proc = subprocess.Popen(command(module, mode, results_file), cwd=cwd, env=environment(mode, stats_file),
                                stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                                start_new_session=True)
        try:
            status = _status(proc.wait(timeout=timeout))
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            status = f"timeout after {timeout} s"
    run = Run(module, mode, status, time.monotonic() - start)
    run.outcomes, run.unfinished = read_results(results_file)
    if mode == "hotwire" and stats_file.exists():
        stats = json.loads(stats_file.read_text())
        run.compiled, run.rejected = stats["compiled"], stats["rejected"]
    if status != "exit 0":
        run.stderr_tail = "\n".join(log_file.read_text(errors="replace").splitlines()[-15:])
    return run


def _status(returncode):
    if returncode < 0:
        try:
            return f"killed by {signal.Signals(-returncode).name}"
        except ValueError:
            return f"killed by signal {-returncode}"
    return f"exit {returncode}"


def read_results(path):
    """Outcomes from a worker's JSON-lines file, and the test that started but never finished."""
    outcomes, running = {}, None
    if not Path(path).exists():
        return outcomes, None
    for line in Path(path).read_text(errors="replace").splitlines():
        try:
            record = json.loads(line)
        except ValueError:  # the last line of a killed process may be cut short
            continue
        if "start" in record:
            running = record["start"]
        elif "stop" in record:
            running = None
        else:
            outcomes[record["test"]] = (record["outcome"], record["detail"])
    return outcomes, running
