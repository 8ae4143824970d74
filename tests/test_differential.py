"""Differential tests: every program in tests/corpus/ must behave identically under hotwire and CPython.

For each program two processes run, concurrently, with cwd = tests/corpus and PYTHONHASHSEED=0:

    python prog.py                       (plain CPython, HOTWIRE_* variables removed)
    python -m hotwire prog.py            (HOTWIRE_THRESHOLD=0, HOTWIRE_SYNC=1, HOTWIRE_ONLY=tests/corpus,
                                          HOTWIRE_STATS_FILE=<tmp>/stats.json)

and their exit status, stdout and stderr must be byte-for-byte identical (tracebacks included: the CLI
must run the program as __main__ under the same absolute file name, without extra frames of its own in
a traceback). The hotwire run must then have written the stats JSON, and it must report at least one
compiled function (one of the program's own, when the stats list them by file), unless the program
contains the line `# hotwire: compiles-nothing`.

HOTWIRE_ONLY makes every function of the program compile at its first call while the stdlib it imports
stays interpreted: the programs test the compiler on their own code, and compiling all of asyncio at
threshold 0 would take minutes per program.

A program may declare `# hotwire: expect-exit N`; the plain CPython run must exit with N (default 0), so a
broken corpus program cannot pass by being broken the same way twice.
"""
import difflib
import json
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parent / "corpus"
PROGRAMS = sorted(p.name for p in CORPUS.glob("*.py"))
TIMEOUT = 60

_EXPECT_EXIT = re.compile(r"^# hotwire: expect-exit (\d+)\s*$", re.M)
_COMPILES_NOTHING = re.compile(r"^# hotwire: compiles-nothing\b", re.M)


def _base_env():
    env = {k: v for k, v in os.environ.items() if not k.startswith("HOTWIRE_")}
    env["PYTHONHASHSEED"] = "0"
    env.pop("PYTHONSTARTUP", None)
    env.pop("PYTHONWARNINGS", None)
    return env


def _run(cmd, env):
    try:
        return subprocess.run(cmd, cwd=CORPUS, env=env, capture_output=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired as exc:
        return exc


def _diff(name, expected, actual):
    exp = expected.decode("utf-8", "replace").splitlines(keepends=True)
    act = actual.decode("utf-8", "replace").splitlines(keepends=True)
    return "".join(difflib.unified_diff(exp, act, f"{name} (CPython)", f"{name} (hotwire)"))


def test_corpus_is_large_enough():
    assert len(PROGRAMS) >= 170, f"only {len(PROGRAMS)} corpus programs"


@pytest.mark.parametrize("prog", PROGRAMS)
def test_differential(prog, tmp_path):
    source = (CORPUS / prog).read_text()
    stats_file = tmp_path / "stats.json"
    plain_env = _base_env()
    jit_env = _base_env()
    jit_env["HOTWIRE_THRESHOLD"] = "0"
    jit_env["HOTWIRE_SYNC"] = "1"   # compiled at the first call itself, not by the background thread later
    jit_env["HOTWIRE_ONLY"] = str(CORPUS)
    jit_env["HOTWIRE_STATS_FILE"] = str(stats_file)

    with ThreadPoolExecutor(2) as pool:
        plain_f = pool.submit(_run, [sys.executable, prog], plain_env)
        jit_f = pool.submit(_run, [sys.executable, "-m", "hotwire", prog], jit_env)
        plain, jit = plain_f.result(), jit_f.result()

    if isinstance(plain, subprocess.TimeoutExpired):
        pytest.fail(f"{prog}: plain CPython run timed out after {TIMEOUT}s")
    if isinstance(jit, subprocess.TimeoutExpired):
        pytest.fail(f"{prog}: hotwire run timed out after {TIMEOUT}s (CPython took less)")

    m = _EXPECT_EXIT.search(source)
    expected_status = int(m.group(1)) if m else 0
    assert plain.returncode == expected_status, (
        f"{prog}: the corpus program itself is broken: plain CPython exited {plain.returncode}, "
        f"expected {expected_status}\n--- stderr ---\n{plain.stderr.decode('utf-8', 'replace')}")

    problems = []
    if jit.returncode != plain.returncode:
        problems.append(f"exit status: CPython {plain.returncode}, hotwire {jit.returncode}")
    if jit.stdout != plain.stdout:
        problems.append("stdout differs:\n" + _diff(prog + " stdout", plain.stdout, jit.stdout))
    if jit.stderr != plain.stderr:
        problems.append("stderr differs:\n" + _diff(prog + " stderr", plain.stderr, jit.stderr))
    if problems:
        pytest.fail(f"{prog}: hotwire differs from CPython\n" + "\n".join(problems), pytrace=False)

    if not stats_file.exists():
        pytest.fail(f"{prog}: the hotwire run wrote no stats file at HOTWIRE_STATS_FILE={stats_file} "
                    f"(python -m hotwire must write {{\"compiled\": <int>, ...}} there at exit)",
                    pytrace=False)
    try:
        stats = json.loads(stats_file.read_text())
    except ValueError as exc:
        pytest.fail(f"{prog}: stats file is not valid JSON: {exc}", pytrace=False)
    assert isinstance(stats, dict) and isinstance(stats.get("compiled"), int), (
        f"{prog}: stats file lacks an integer 'compiled' entry: {stats!r}")
    if not _COMPILES_NOTHING.search(source):
        assert stats["compiled"] >= 1, (
            f"{prog}: hotwire compiled no function (stats: {stats!r}); every corpus program has "
            f"plain functions called repeatedly, so threshold 0 must compile at least one")
        # When the stats name the compiled functions with their files ("f (prog.py:3)"), at least one of
        # them must come from the program itself, not only from the stdlib it happens to call.
        names = stats.get("compiled_functions")
        if isinstance(names, list) and any(".py:" in str(n) for n in names):
            assert any(f"{prog}:" in str(n) for n in names), (
                f"{prog}: none of the {stats['compiled']} compiled functions is from the program: {names!r}")
