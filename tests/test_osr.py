"""On-stack replacement: a call already running a loop in the interpreter goes on in compiled code
(backend/osr_entry.py, backend/jump_callback.py, runtime/osr.py).

Each program in tests/osr_programs/ runs under plain CPython and under `python -m hotwire` with a
threshold high enough that no function is compiled at a call, but low enough that its loop becomes hot
while the call runs; stdout, stderr (tracebacks included) and the exit status must be identical, and
the stats must show the OSR entries the program expects.
"""
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

PROGRAMS_DIR = Path(__file__).resolve().parent / "osr_programs"
PROGRAMS = sorted(p.name for p in PROGRAMS_DIR.glob("*.py"))
_EXPECT_EXIT = re.compile(r"^# hotwire: expect-exit (\d+)\s*$", re.M)

# {program: (OSR entries expected at least, at most)}: the loop is entered once, or never.
ENTRIES = {
    "sum_with_calls.py": (1, 1),
    "nested_loops.py": (1, 1),
    "raise_uncaught.py": (1, 1),
    "raise_in_compiled_loop.py": (1, 1),
    "raise_after_try_block.py": (1, 1),
    "raise_caught_around_loop.py": (0, 1),   # the loop: no; the jump from `except` into `finally`: yes
    "try_inside_loop.py": (0, 0),
    "type_change_mid_loop.py": (1, 100),
    "module_level_loops.py": (2, 2),
    "module_loop_name_error.py": (1, 1),
    "monitoring_inside_osr.py": (1, 1),
}


def _env(tmp_path, jit):
    import os
    env = {k: v for k, v in os.environ.items() if not k.startswith("HOTWIRE")}
    env["PYTHONHASHSEED"] = "0"
    if jit:
        env.update(HOTWIRE_SYNC="1", HOTWIRE_THRESHOLD="100", HOTWIRE_ONLY=str(PROGRAMS_DIR),
                   HOTWIRE_STATS_FILE=str(tmp_path / "stats.json"))
    return env


def _run(args, env):
    return subprocess.run([sys.executable, *args], cwd=PROGRAMS_DIR, env=env, capture_output=True,
                          text=True, timeout=120)


def test_every_program_has_expectations():
    assert sorted(ENTRIES) == PROGRAMS


@pytest.mark.parametrize("prog", PROGRAMS)
def test_osr_program_matches_cpython(prog, tmp_path):
    plain = _run([prog], _env(tmp_path, jit=False))
    jitted = _run(["-m", "hotwire", prog], _env(tmp_path, jit=True))
    match = _EXPECT_EXIT.search((PROGRAMS_DIR / prog).read_text())
    assert plain.returncode == (int(match.group(1)) if match else 0), plain.stderr
    assert jitted.stdout == plain.stdout
    assert jitted.stderr == plain.stderr
    assert jitted.returncode == plain.returncode
    stats = json.loads((tmp_path / "stats.json").read_text())
    low, high = ENTRIES[prog]
    assert low <= stats["osr_entries"] <= high, stats
    assert stats["compiled"] >= 1, stats


def test_explain_names_the_entries_and_the_refusals(tmp_path):
    script = tmp_path / "explain_osr.py"
    script.write_text(
        "import hotwire\n"
        "def loop(n):\n"
        "    t = 0\n"
        "    for i in range(n):\n"
        "        t += i\n"
        "    return t\n"
        "def guarded(words):\n"
        "    n = 0\n"
        "    for w in words:\n"
        "        try:\n"
        "            n += int(w)\n"
        "        except ValueError:\n"
        "            pass\n"
        "    return n\n"
        "print(loop(5000), guarded(['1', 'x'] * 3000))\n"
        "print(hotwire.explain(loop))\n"
        "print(hotwire.explain(guarded))\n")
    env = _env(tmp_path, jit=True)
    env["HOTWIRE_ONLY"] = str(tmp_path)
    proc = subprocess.run([sys.executable, "-m", "hotwire", str(script)], env=env, capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert out.startswith("12497500 3000\n")
    assert "on-stack replacement into the loops at line(s) 4: entered 1 times" in out
    assert "line 13: no on-stack replacement into this loop: an error at line 11 would go to an " \
        "exception handler" in out


def test_the_loop_threshold_is_set_by_environment(tmp_path):
    """HOTWIRE_LOOP_THRESHOLD: iterations before a loop is hot, apart from the call threshold."""
    program = PROGRAMS_DIR / "sum_with_calls.py"
    for loop_threshold, entries in (("300", 1), ("100000000", 0)):
        env = _env(tmp_path, jit=True)
        env.update(HOTWIRE_THRESHOLD="100000000", HOTWIRE_LOOP_THRESHOLD=loop_threshold)
        proc = _run(["-m", "hotwire", program.name], env)
        assert proc.returncode == 0 and proc.stdout == "1249975000 49999\n1249975000\n", proc.stderr
        assert json.loads((tmp_path / "stats.json").read_text())["osr_entries"] == entries
    env["HOTWIRE_LOOP_THRESHOLD"] = "soon"
    proc = _run(["-m", "hotwire", program.name], env)
    assert proc.returncode == 2
    assert "HOTWIRE_LOOP_THRESHOLD must be a non-negative integer, not 'soon'" in proc.stderr
