"""Tests of the benchmark harness (src/hotwire/bench, benchmarks/bars.py, benchmarks/demo.py,
benchmarks/object_programs.py).

The harness decides what is WRONG and what every mean is, so its parsing, arithmetic, output checks
and error handling are tested here. Speed never is: a timing test fails on a slow machine, not on a
bug. The few child processes started here are tiny scripts under CPython (well under a second each).
"""
import importlib.util
import json
import os
import subprocess
import sys

import pytest

from hotwire.bench import cli, compare, measure, oneshot, plot, report, runtimes, suite

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH_DIR = os.path.join(ROOT, "benchmarks")


def _load(filename, name):
    # benchmarks/ is not a package (pyperformance installs a top-level `benchmarks`), so load by path.
    spec = importlib.util.spec_from_file_location(name, os.path.join(BENCH_DIR, filename))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bars = _load("bars.py", "hotwire_bench_bars")
demo = _load("demo.py", "hotwire_bench_demo")
object_programs = _load("object_programs.py", "hotwire_bench_object_programs")


def program_record(name, runs, tasks=(("t", 1),)):
    """A results entry as schedule.run() builds it. runs: {runtime: (whole stdouts/walls, steady)}."""
    return {"name": name, "kind": "pyperformance", "tasks": [list(t) for t in tasks], "runs": runs}


def whole(wall, stdout="42\n", rss_kb=10240, **extra):
    return {"wall": wall, "rss_kb": rss_kb, "stdout": stdout, **extra}


def runs_of(whole_runs, steady=None, errors=()):
    return {"whole": whole_runs, "steady": steady or {}, "errors": list(errors)}


RUNTIMES = [{"name": "cpython", "label": "CPython", "version": "3.12.1", "command": ["python"]},
            {"name": "hotwire", "label": "hotwire", "version": "0.1.0", "command": ["python", "-m", "hotwire"]}]


def results_file(programs, started="2026-01-01 00:00"):
    return {"format": report.FORMAT, "started": started, "runtimes": RUNTIMES, "programs": programs,
            "settings": {"mode": "full", "rounds": 2, "warmups": 2, "values": 3},
            "load": [1.0, 2.0], "cpython_build": "CPython baseline: test", "machine": "test"}


# ---- suite discovery ----

def test_default_suite_comes_from_the_installed_pyperformance():
    found = suite.pyperformance_benchmarks()
    assert set(suite.DEFAULT_PYPERFORMANCE) <= set(found)
    package_dir = importlib.util.find_spec("pyperformance").submodule_search_locations[0]
    nbody = found["nbody"]
    assert nbody.path == os.path.join(package_dir, "data-files", "benchmarks", "bm_nbody", "run_benchmark.py")
    assert not os.path.realpath(nbody.path).startswith((os.path.join(ROOT, "src"), BENCH_DIR))
    assert "django_template" not in found  # needs django: not pure
    assert found["pickle_pure_python"].args == ("--pure-python", "pickle")


def test_select_default_order_then_scripts_and_named_selection():
    found = suite.pyperformance_benchmarks()
    scripts = suite.script_programs(["/x/call_args.py"])
    chosen = suite.select([], found, scripts)
    assert [p.name for p in chosen] == [*suite.DEFAULT_PYPERFORMANCE, "call_args"]
    assert [p.name for p in suite.select(["call_args", "nbody", "nbody"], found, scripts)] == ["call_args", "nbody"]
    assert scripts["call_args"] == suite.Program("call_args", "script", "/x/call_args.py")


def test_unknown_benchmark_name_is_a_suite_error_naming_it():
    with pytest.raises(suite.SuiteError, match="unknown benchmark 'nbodyy'; known: .*nbody"):
        suite.select(["nbodyy"], suite.pyperformance_benchmarks(), {})


def test_seed_directory_missing_is_none_and_present_lists_py_files(tmp_path):
    assert suite.seed_programs(str(tmp_path / "absent")) is None
    (tmp_path / "b.py").write_text("print(1)\n")
    (tmp_path / "notes.txt").write_text("")
    assert list(suite.seed_programs(str(tmp_path))) == ["b"]


# ---- runtimes ----

def test_pypy_asked_for_but_absent_is_a_clear_error(monkeypatch):
    monkeypatch.setattr(runtimes.shutil, "which", lambda name: None)
    with pytest.raises(runtimes.RuntimeMissing, match="pypy3"):
        runtimes.select(True)
    assert [r.name for r in runtimes.select(None)] == ["cpython", "hotwire"]


@pytest.mark.parametrize("probe, pinned", [("3 9 3.9.16 (7, 3, 11)", True), ("3 10 3.10.14 (7, 3, 17)", False)])
def test_pypy_of_python_39_gets_the_pinned_pyperf(monkeypatch, tmp_path, probe, pinned):
    """pyperf 2.8+ needs Python 3.10's importlib.metadata; a PyPy 3.9 runs pyperf 2.7.0 instead."""
    monkeypatch.setattr(runtimes.shutil, "which", lambda name: "/usr/bin/pypy3")
    monkeypatch.setattr(runtimes.subprocess, "run",
                        lambda *a, **k: subprocess.CompletedProcess(a, 0, stdout=probe + "\n"))
    monkeypatch.setattr(runtimes, "_pinned_pyperf", lambda release: f"pinned-{release}")
    monkeypatch.setattr(runtimes, "_pyperf_for_pypy", lambda: "linked")
    runtime = runtimes.pypy()
    assert runtime.env["PYTHONPATH"] == ("pinned-2.7.0" if pinned else "linked")
    assert runtime.version == probe.split(maxsplit=2)[2]


def test_cli_reports_absent_pypy_in_one_line(monkeypatch, capsys):
    monkeypatch.setattr(runtimes.shutil, "which", lambda name: None)
    assert cli.main(["--pypy", "nbody", "--results", "unused"]) == 2
    err = capsys.readouterr().err
    # (a note that the seed directory is absent may come first, in a checkout without ../shared)
    assert err.splitlines()[-1].startswith("hotwire bench: error: PyPy was asked for") and "Traceback" not in err
    assert not os.path.exists("unused")


def test_cli_reports_unknown_benchmark_in_one_line(capsys):
    assert cli.main(["no_such_benchmark"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[-1].startswith("hotwire bench: error: unknown benchmark 'no_such_benchmark'")


def test_cli_explicit_missing_seed_dir_is_an_error(tmp_path, capsys):
    assert cli.main(["--seed-dir", str(tmp_path / "none"), "--list"]) == 2
    assert "seed programs: directory" in capsys.readouterr().err


def test_hotwire_command_dispatches_bench(capsys):
    from hotwire import cli as hotwire_cli
    assert hotwire_cli.main(["bench", "nope"]) == 2
    assert "hotwire bench: error: unknown benchmark 'nope'" in capsys.readouterr().err


def test_children_get_no_hotwire_variables_and_a_fixed_hash_seed(monkeypatch):
    monkeypatch.setenv("HOTWIRE", "1")
    monkeypatch.setenv("HOTWIRE_THRESHOLD", "0")
    env = runtimes.cpython().environ()
    assert "HOTWIRE" not in env and "HOTWIRE_THRESHOLD" not in env
    assert env["PYTHONHASHSEED"] == "0"
    assert runtimes.hotwire(5).command[-4:] == ["-m", "hotwire", "--threshold", "5"]


def test_steady_state_compiles_in_line_under_hotwire_only(monkeypatch):
    """hotwire's steady-state worker must compile what gets hot during the warm-ups before the values
    are taken (HOTWIRE_SYNC=1); the whole-process run keeps the background compiler."""
    seen = {}

    def fake_run_child(command, env, timeout):
        seen[command[0] if "hotwire" not in command else "hotwire"] = env
        return measure.RunResult(ok=False, error="not run")
    monkeypatch.setattr(measure, "run_child", fake_run_child)
    program = suite.Program("fib", "script", "/nonexistent/fib.py")
    for runtime in (runtimes.cpython(), runtimes.hotwire()):
        measure.steady_state(runtime, program, loops=1, warmups=1, values=1, timeout=5)
    assert seen["hotwire"]["HOTWIRE_SYNC"] == "1"
    assert "HOTWIRE_SYNC" not in seen[sys.executable]
    measure.whole_process(runtimes.hotwire(), program, timeout=5)
    assert "HOTWIRE_SYNC" not in seen["hotwire"]


# ---- arithmetic ----

def test_speedup_and_geometric_mean():
    assert report.speedup(0.8, 0.2) == pytest.approx(4.0)
    assert report.speedup(None, 0.2) is None and report.speedup(0.2, 0.0) is None
    assert report.geometric_mean([4.0, 0.25, 2.0]) == pytest.approx(2.0 ** (1 / 3))
    assert report.geometric_mean([None]) is None


def test_steady_seconds_is_geometric_mean_of_function_means():
    assert report.steady_seconds({"a": [1.0, 3.0], "b": [8.0]}) == pytest.approx(4.0)  # sqrt(2 * 8)
    assert report.steady_seconds({"a": [1.0], "b": []}) is None
    assert report.steady_seconds({}) is None


def test_summarize_takes_median_wall_and_rss_and_compile_time():
    record = program_record("p", {
        "cpython": runs_of([whole(3.0), whole(1.0), whole(2.0, rss_kb=20480)], {"t": [0.5]}),
        "hotwire": runs_of([whole(1.0, compile_seconds=0.5, compiled=3)], {"t": [0.1, 0.2]})})
    row = report.summarize(record, ["cpython", "hotwire"])
    assert row["cpython"]["whole"] == 2.0 and row["cpython"]["rss_mb"] == 10.0
    assert row["hotwire"]["steady"] == pytest.approx(0.15)
    assert (row["hotwire"]["compile_seconds"], row["hotwire"]["compiled"]) == (0.5, 3)
    assert report.row_speedup(row, "hotwire", "steady") == pytest.approx(0.5 / 0.15)


# ---- output checks and WRONG ----

def test_check_ok_wrong_error_unchecked():
    same = {"cpython": runs_of([whole(1.0, "a")]), "hotwire": runs_of([whole(1.0, "a")])}
    assert report.check(same, "hotwire") == "ok"
    differs = {"cpython": runs_of([whole(1.0, "a")]), "hotwire": runs_of([whole(1.0, "a"), whole(1.0, "b")])}
    assert report.check(differs, "hotwire") == "WRONG"
    failed = {"cpython": runs_of([whole(1.0, "a")]), "hotwire": runs_of([], errors=["whole process: boom"])}
    assert report.check(failed, "hotwire") == "ERROR"
    unstable = {"cpython": runs_of([whole(1.0, "a"), whole(1.0, "c")]), "hotwire": runs_of([whole(1.0, "a")])}
    assert report.check(unstable, "hotwire") == "unchecked"


def test_wrong_program_is_excluded_from_every_mean_and_marked_in_the_table():
    good = program_record("good", {"cpython": runs_of([whole(4.0)], {"t": [1.0]}),
                                   "hotwire": runs_of([whole(1.0)], {"t": [0.5]})})
    wrong = program_record("bad", {"cpython": runs_of([whole(4.0)], {"t": [1.0]}),
                                   "hotwire": runs_of([whole(0.001, "43\n")], {"t": [0.001]})})
    rows = [report.summarize(p, ["cpython", "hotwire"]) for p in (good, wrong)]
    assert report.mean_speedup(rows, "hotwire", "whole") == (pytest.approx(4.0), 1)
    assert report.mean_speedup(rows, "hotwire", "steady") == (pytest.approx(2.0), 1)
    text = report.markdown(results_file([good, wrong]), rows)
    assert "| good | 4 s | 1 s (4.00x) | 1 s | 500 ms (2.00x) |" in text
    assert "| bad | 4 s | 1 ms WRONG | 1 s | 1 ms WRONG |" in text
    assert "| **geometric mean of speed-ups** | 1.00x | **4.00x** (1/2) | 1.00x | **2.00x** (1/2) |" in text
    assert "| bad | 10 MB | 10 MB | - | WRONG |" in text


def test_error_row_shows_error_and_its_reason():
    failed = program_record("p", {"cpython": runs_of([whole(1.0)], {"t": [1.0]}),
                                  "hotwire": runs_of([], errors=["whole process: exit status 1: ValueError: x"])})
    rows = [report.summarize(failed, ["cpython", "hotwire"])]
    text = report.markdown(results_file([failed]), rows)
    assert "| p | 1 s | ERROR |" in text
    assert "- p under hotwire: ERROR whole process: exit status 1: ValueError: x" in text
    assert report.mean_speedup(rows, "hotwire", "whole") == (None, 0)


def test_format_seconds_units():
    assert [report.format_seconds(s) for s in (1.5, 0.10534, 2e-5, None)] == ["1.5 s", "105 ms", "20 us", "-"]


# ---- the one-shot run's output digest ----

def test_canonical_text_sorts_sets_and_hides_object_identity():
    assert oneshot.canonical({"b", "a"}) == oneshot.canonical({"a", "b"}) == "set{'a','b'}"
    assert oneshot.canonical([1, 2.5, None, (True,)]) == "list[1,2.5,None,tuple[True,],]"
    assert oneshot.canonical({"k": object()}) == "dict{'k':<object>,}"
    assert oneshot.digest([1.0]) != oneshot.digest([1.0000000000000002])


def test_one_shot_runner_calls_each_benchmark_once_with_one_loop(capsys):
    runner = oneshot.OneShotRunner(add_cmdline_args=None)
    runner.argparser.add_argument("--n", type=int, default=3)
    assert runner.parse_args([]).n == 3
    calls = []
    runner.bench_time_func("timed", lambda loops, x: calls.append((loops, x)) or 0.5, "x")
    runner.bench_func("plain", lambda: [1, 2])
    assert calls == [(1, "x")]
    out = capsys.readouterr().out.splitlines()
    assert out == [f"result timed: {oneshot.digest(None)}", f"result plain: {oneshot.digest([1, 2])}"]


# ---- child processes and pyperf's JSON ----

def test_run_child_measures_wall_rss_and_stdout():
    result = measure.run_child([sys.executable, "-c", "print('hi')"], dict(os.environ), timeout=60)
    assert result.ok and result.stdout == "hi\n"
    assert result.wall > 0 and result.rss_kb > 1000


def test_run_child_failure_carries_the_exception_line():
    result = measure.run_child([sys.executable, "-c", "raise ValueError('boom')"], dict(os.environ), 60)
    assert not result.ok
    assert result.error == "exit status 1: ValueError: boom"


def test_whole_process_of_a_script_under_cpython(tmp_path):
    script = tmp_path / "prog.py"
    script.write_text("print(sum(range(10)))\n")
    program = suite.script_programs([str(script)])["prog"]
    result = measure.whole_process(runtimes.cpython(), program, timeout=60)
    assert result.ok and result.stdout == "45\n" and result.extra == {}


def test_read_pyperf_json_suite_and_per_run_loops(tmp_path):
    path = tmp_path / "suite.json"
    path.write_text(json.dumps({"version": "1.0", "metadata": {"loops": 4}, "benchmarks": [
        {"metadata": {"name": "a"}, "runs": [{"values": [0.1, 0.2], "warmups": [[4, 0.3]]}]},
        {"metadata": {"name": "b", "loops": 16}, "runs": [{"metadata": {"loops": 8}, "warmups": [[8, 1.0]]}]}]}))
    assert measure.read_pyperf_json(str(path)) == [("a", 4, [0.1, 0.2]), ("b", 8, [])]


# ---- compare and plot ----

def test_compare_two_results_files(tmp_path):
    old = results_file([program_record("p", {"cpython": runs_of([whole(2.0)], {"t": [1.0]}),
                                             "hotwire": runs_of([whole(1.0)], {"t": [0.5]})})])
    new = results_file([program_record("p", {"cpython": runs_of([whole(2.0)], {"t": [1.0]}),
                                             "hotwire": runs_of([whole(0.5)], {"t": [1.0]})}),
                        program_record("q", {"cpython": runs_of([whole(1.0)]), "hotwire": runs_of([whole(1.0)])})],
                       started="2026-01-02 00:00")
    paths = []
    for name, data in (("old.json", old), ("new.json", new)):
        paths.append(str(tmp_path / name))
        (tmp_path / name).write_text(json.dumps(data))
    text = compare.compare(compare.load(paths[0]), compare.load(paths[1]))
    assert "| p | hotwire | 1 s | 500 ms | 0.50x | 500 ms | 1 s | 2.00x |" in text
    assert "- hotwire whole: geometric mean of new/old 0.50x over 1 programs" in text
    assert "- in one run only (not compared): q" in text


def test_compare_rejects_a_file_that_is_not_results(tmp_path, capsys):
    other = tmp_path / "other.json"
    other.write_text('{"benchmarks": []}')
    assert cli.main(["--compare", str(other), str(other)]) == 2
    assert "is not a results file of `hotwire bench`" in capsys.readouterr().err
    assert cli.main(["--compare", str(tmp_path / "missing.json"), str(other)]) == 2


def test_plot_has_one_bar_per_present_value_on_a_log_axis():
    text = plot.svg("t", ["a", "b"], [("cpython", "CPython", {"a": 0.01, "b": 1.0}),
                                     ("hotwire", "hotwire", {"a": 0.001, "b": None})])
    assert text.startswith("<svg") and text.count("<rect") == 3 + 2  # three bars, two legend swatches
    assert "hotwire: no value" in text
    assert ">1 ms</text>" in text and ">1 s</text>" in text


# ---- bars.py (a use of the harness) and demo.py ----

def test_bars_verdicts():
    def row(program, cp, hw, check="ok"):
        return {"program": program, "cpython": {"steady": cp}, "hotwire": {"steady": hw, "check": check}}
    assert bars.verdict(row("nbody", 1.0, 0.25)) == "PASS"
    assert bars.verdict(row("nbody", 1.0, 0.26)) == "FAIL"
    assert bars.verdict(row("fib", 1.0, 0.001, check="WRONG")) == "WRONG"
    assert bars.verdict(row("fib", 1.0, None)) == "ERROR"
    assert "| fib | 1 s | 50 ms | 20.00x | >= 20x | PASS |" in bars.bars_table([row("fib", 1.0, 0.05)])


def test_demo_helpers():
    stderr = "hotwire: compiled simulate\nDEMO_TIMING float loop 0.750000\nDEMO_TIMING fib 0.5\n"
    assert demo.parse_timings(stderr) == {"float loop": 0.75, "fib": 0.5}
    assert demo.cli_missing(1, "python: No module named hotwire.__main__; 'hotwire' is a package")
    assert not demo.cli_missing(1, "Traceback...\nValueError: bad\n")
    assert demo.table([("fib", 1.0, 0.25)]).splitlines()[2] == "| fib | 1.000 s | 0.250 s | 4.00x |"


def test_object_programs_are_plain_scripts_without_pyperf(tmp_path):
    """Each is pyperformance's module cut before its Runner, with work that prints: it must still
    compile (pyperformance's file changed?), name nothing of pyperf, and end in the printed work."""
    for name, work in object_programs.WORK.items():
        source = object_programs.whole_program(name)
        compile(source, name, "exec")
        assert "pyperf" not in source.replace("pyperformance", ""), name
        assert source.rstrip().endswith(work.rstrip()) and "print(" in work, name
