"""The main script's module code entered at a line (runtime/module_entry.py): a long
`sum(itertools.repeat(...))` at module level makes the first run compile the module's code with line
entries and store it; a later run links it at the module's start and enters it at the next line.
Every run's stdout, stderr (tracebacks) and exit status are CPython's."""
import json
import os
import subprocess
import sys
import textwrap

from compile_processes import wait_for_all
from hotwire.frontend.py312 import Builder
from hotwire.ir.printer import format_function

LONG = "10_000_000"   # runtime/module_entry.LONG_SUM: the smallest sum that is compiled for


def _env(tmp_path, run):
    env = {k: v for k, v in os.environ.items() if not k.startswith("HOTWIRE")}
    env.update(PYTHONHASHSEED="0", HOTWIRE_CACHE_DIR=str(tmp_path / "cache"),
               HOTWIRE_STATS_FILE=str(tmp_path / f"stats{run}.json"))
    return env


def _runs(tmp_path, source, jitted_runs=2):
    """CPython's run, then `jitted_runs` runs of `python -m hotwire` sharing one code cache: each
    must match CPython's. Returns the hotwire runs' stats."""
    script = tmp_path / "main_script.py"
    script.write_text(textwrap.dedent(source).lstrip("\n"))
    plain = subprocess.run([sys.executable, script.name], cwd=tmp_path, env=_env(tmp_path, 0),
                           capture_output=True, text=True, timeout=120)
    stats = []
    for run in range(1, jitted_runs + 1):
        jitted = subprocess.run([sys.executable, "-m", "hotwire", script.name], cwd=tmp_path,
                                env=_env(tmp_path, run), capture_output=True, text=True, timeout=120)
        assert (jitted.stdout, jitted.stderr, jitted.returncode) == (plain.stdout, plain.stderr, plain.returncode)
        stats.append(json.loads((tmp_path / f"stats{run}.json").read_text()))
        wait_for_all()   # the module's compile process, which outlives the run
    return plain, stats


def _units_stored(tmp_path):
    cache = tmp_path / "cache"
    return len([name for name in os.listdir(cache) if name.endswith(".hwc") and not name.startswith("support-")])


def test_a_later_run_enters_the_module_at_the_line_after_its_start(tmp_path):
    plain, (first, second) = _runs(tmp_path, f"""
        import itertools
        half = sum(itertools.repeat(0.5, {LONG}))
        print(half, sum(itertools.repeat(3, {LONG})), sum(itertools.repeat(0.1, {LONG})))
        scale = 2 ** 40
        print(half * scale, [x * 2 for x in range(3)])
        y = half / (half - half)
    """)
    assert plain.returncode == 1 and "ZeroDivisionError" in plain.stderr
    # The first run goes on in the interpreter while a compile process compiles and stores the module.
    assert first["compile_seconds_main_thread"] == 0
    assert _units_stored(tmp_path) == 1
    assert second["code_cache"] == {**second["code_cache"], "hits": 1, "misses": 0, "stores": 0}
    assert second["osr_entries"] >= 1 and second["compile_seconds_background"] == 0


def test_lines_before_an_exception_handler_are_not_entered(tmp_path):
    # An error inside the entered code would be looked up at the line it was entered at: no line from
    # which an instruction covered by the handler can be reached is an entry.
    plain, (first, second) = _runs(tmp_path, f"""
        import itertools
        total = sum(itertools.repeat(0.25, {LONG}))
        try:
            print(total, undefined_name)
        except NameError as e:
            print("caught", e)
        print("after", total + 1)
    """)
    assert "caught" in plain.stdout
    assert second["code_cache"]["hits"] == 1
    # The import's line (which deopts at the import) and the last line; not the two lines from which
    # the try block can be reached.
    assert second["osr_entries"] == 2


def test_a_tracer_started_at_module_level_sees_the_lines_after_it(tmp_path):
    # breakpoint() does this: sys.settrace, and the running frames' f_trace. The compiled module
    # code checks at each line that no other tool listens (check_monitoring), and hands the rest to
    # the interpreter, which sends the line events.
    plain, (first, second) = _runs(tmp_path, f"""
        import itertools, sys
        total = sum(itertools.repeat(0.5, {LONG}))
        events = []
        def tracer(frame, event, arg):
            if frame.f_code.co_name == "<module>":
                events.append((event, frame.f_lineno))
            return tracer
        x = 1
        sys.settrace(tracer)
        sys._getframe().f_trace = tracer
        y = x + 1
        z = y * 2
        sys.settrace(None)
        print(total, z, events)
    """)
    assert "('line', 12)" in plain.stdout and "('line', 13)" in plain.stdout
    assert second["code_cache"]["hits"] == 1 and second["osr_entries"] >= 1


def test_short_sums_compile_nothing(tmp_path):
    plain, (first,) = _runs(tmp_path, """
        import itertools
        print(sum(itertools.repeat(1.0, 1000)), sum([1, 2]))
    """, jitted_runs=1)
    assert first["compiled"] == 0 and _units_stored(tmp_path) == 0


def test_module_code_built_with_line_entries_has_a_block_per_line():
    code = compile("import os\nx = 1\nprint(x,\n      x)\n", "m.py", "exec")
    text = format_function(Builder(code, line_entries=True).build())
    assert [line for line in text.splitlines() if line.startswith("b")] == [
        "b0():  # @0", "b1():  # @2", "b2():  # @10", "b3():  # @14"]
    assert "deopt[IMPORT_NAME is not compiled]" in text
