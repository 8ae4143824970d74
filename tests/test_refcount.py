"""Leak and crash check: every corpus program, run 12 times in one JIT-enabled process, must not grow memory.

tests/refcount_driver.py enables hotwire (threshold 0) and runs programs with runpy.run_path; it reports
sys.getallocatedblocks() after run 3 and after run 12 (gc.collect() before each reading). Each run compiles
the program afresh, so it makes new code objects, functions and classes that die at the end of the run; a
JIT that keeps them alive, or leaks a reference per call, per compiled function or per run, shows up as
growth between the two readings.

Bound: MAX_GROWTH = 50 blocks over the 9 runs between the readings. Measured growth is 0 or +-1 block
for every program, both under plain CPython (driver --no-jit) and under hotwire as of this writing, so 50
is far above allocator noise (and leaves room for caches the JIT fills once, which are full by run 3). Any
real leak goes past it: a leaked function or code object drags its constants, names and often its module
namespace along (hundreds of blocks per run), a reference leaked per call in any loop of the corpus leaks
thousands, and a leak of as little as 6 blocks per run is caught.

The driver's exit status must be 0 (no crash), and each program must behave the same on every run in the
process (same outcome, same stdout), which catches compiled code that outlives the run it belongs to.

Programs are run in batches, one subprocess per batch, several batches at once. If a batch process dies,
the programs it did not report on, or all its programs if it died at exit, are re-run one per subprocess,
so a crash is attributed to the program that causes it. Programs containing `# hotwire: refcount-skip`
(with the reason on that line) are skipped.
"""
import json
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
CORPUS = TESTS / "corpus"
DRIVER = TESTS / "refcount_driver.py"
PROGRAMS = sorted(p.name for p in CORPUS.glob("*.py"))
RUNS = 12
MAX_GROWTH = 50
BATCH_SIZE = 8
PROGRAM_TIMEOUT = 60      # the driver dumps all stacks and exits when one program's 12 runs take longer
RESULT_PREFIX = "REFCOUNT-RESULT "

_SKIP = re.compile(r"^# hotwire: refcount-skip\b[ :(]*(.*)$", re.M)


def _skip_reason(prog):
    m = _SKIP.search((CORPUS / prog).read_text())
    return (m.group(1).rstrip(")").strip() or "marked refcount-skip") if m else None


def _env():
    env = {k: v for k, v in os.environ.items() if not k.startswith("HOTWIRE_")}
    env["PYTHONHASHSEED"] = "0"
    # As in the differential tests: compile the programs' own functions, leave the stdlib interpreted.
    env["HOTWIRE_ONLY"] = str(CORPUS)
    env["HOTWIRE_SYNC"] = "1"   # every run compiles at the first call, in line: the same work each run
    return env


def _invoke(progs):
    """Run the driver on `progs`; return (exit status or None on timeout, {prog: result}, stderr tail)."""
    cmd = [sys.executable, str(DRIVER), "--runs", str(RUNS), "--program-timeout", str(PROGRAM_TIMEOUT), *progs]
    try:
        proc = subprocess.run(cmd, cwd=CORPUS, env=_env(), capture_output=True, text=True,
                              timeout=(PROGRAM_TIMEOUT + 30) * len(progs))
        status, stdout, stderr = proc.returncode, proc.stdout, proc.stderr
    except subprocess.TimeoutExpired as exc:
        status = None
        stdout = exc.stdout.decode() if isinstance(exc.stdout, bytes) else (exc.stdout or "")
        stderr = exc.stderr.decode() if isinstance(exc.stderr, bytes) else (exc.stderr or "")
    results = {}
    for line in stdout.splitlines():
        if line.startswith(RESULT_PREFIX):
            r = json.loads(line[len(RESULT_PREFIX):])
            results[r["prog"]] = r
    if len(stderr) > 8000:
        stderr = stderr[:4000] + "\n[...]\n" + stderr[-4000:]
    return status, results, stderr


def _describe_failure(status, stderr):
    what = "timed out" if status is None else f"exited with status {status}"
    hang = ("\n(faulthandler's dump above: the program ran past the driver's --program-timeout; a hang)"
            if "Thread 0x" in stderr or "Current thread" in stderr else "")
    return f"refcount driver {what}\n--- driver stderr ---\n{stderr}{hang}"


def _run_batch(progs):
    status, results, stderr = _invoke(progs)
    if status == 0 and len(results) == len(progs):
        return results
    # Something died: re-run one program per process to find the culprit(s).
    suspects = [p for p in progs if p not in results] or list(progs)
    alone_ok = True
    for prog in suspects:
        s, r, err = _invoke([prog])
        if s == 0 and prog in r:
            results[prog] = r[prog]
        else:
            alone_ok = False
            results[prog] = {"error": _describe_failure(s, err)}
    if alone_ok:
        # Each suspect passes alone: the failure needs several programs in one process.
        msg = (f"batch {progs} failed ({_describe_failure(status, stderr)}) but each program passed alone; "
               f"the crash depends on state left by an earlier program in the batch")
        for prog in suspects:
            results[prog] = {"error": msg}
    return results


@pytest.fixture(scope="session")
def refcount_results(request):
    selected = []
    for item in request.session.items:
        callspec = getattr(item, "callspec", None)
        if getattr(item, "originalname", None) == "test_refcount" and callspec and "prog" in callspec.params:
            prog = callspec.params["prog"]
            if _skip_reason(prog) is None and prog not in selected:
                selected.append(prog)
    batches = [selected[i:i + BATCH_SIZE] for i in range(0, len(selected), BATCH_SIZE)]
    results = {}
    with ThreadPoolExecutor(max(2, min(4, os.cpu_count() or 2))) as pool:
        for part in pool.map(_run_batch, batches):
            results.update(part)
    return results


@pytest.mark.parametrize("prog", PROGRAMS)
def test_refcount(prog, refcount_results):
    reason = _skip_reason(prog)
    if reason is not None:
        pytest.skip(reason)
    r = refcount_results.get(prog)
    assert r is not None, f"{prog}: the refcount driver reported nothing"
    if "error" in r:
        pytest.fail(f"{prog}: {r['error']}", pytrace=False)
    assert r["growth"] < MAX_GROWTH, (
        f"{prog}: {r['growth']} memory blocks more after run {RUNS} than after run 3 "
        f"({r['blocks_after_3']} -> {r['blocks_after_n']}); the JIT leaks objects (bound {MAX_GROWTH})")
    assert len(set(r["outcomes"])) == 1, f"{prog}: outcome changed between runs in one process: {r['outcomes']}"
    assert r["stdout_mismatches"] == 0, (
        f"{prog}: {r['stdout_mismatches']} of runs 3..{RUNS} printed something different from run 2")
