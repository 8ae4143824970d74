"""Tests of the benchmark harness's pure parts (benchmarks/bars.py, bench_worker.py, demo.py).

Why these and only these: the harness decides PASS/FAIL/WRONG/ERROR, so its arithmetic, its output
comparison and its error handling must be right; but speed itself is never asserted here, because a
timing test fails on a slow machine, not on a bug. The one subprocess test runs fib with zero warm-up
and one iteration and checks only its output.
"""
import importlib.util
import os
import sys

import pytest

BENCH_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "benchmarks")


def _load(filename, name):
    # benchmarks/ is not a package (pyperformance installs a top-level `benchmarks`), so load by path.
    spec = importlib.util.spec_from_file_location(name, os.path.join(BENCH_DIR, filename))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bars = _load("bars.py", "hotwire_bench_bars")
worker = bars.worker
demo = _load("demo.py", "hotwire_bench_demo")

needs_pyperformance = pytest.mark.skipif(importlib.util.find_spec("pyperformance") is None,
                                         reason="pyperformance not installed (pip install -e '.[bench]')")


def run(runtime, output, times, ok=True, program="fib"):
    return {"program": program, "runtime": runtime, "ok": ok, "times": times, "output": output,
            "stderr": "" if ok else "Traceback...\nRuntimeError: boom\n", "round": 0}


# ---- ratio arithmetic ----

def test_speedup_is_cpython_over_hotwire():
    assert bars.speedup(0.8, 0.2) == pytest.approx(4.0)
    assert bars.speedup(0.1, 0.2) == pytest.approx(0.5)


def test_speedup_unmeasurable_is_none():
    assert bars.speedup(None, 0.1) is None
    assert bars.speedup(0.1, None) is None
    assert bars.speedup(0.1, 0.0) is None


def test_summarize_gives_min_and_median():
    assert bars.summarize([0.3, 0.1, 0.2, 0.9]) == (0.1, pytest.approx(0.25))
    assert bars.summarize([]) == (None, None)


def test_row_ratio_uses_medians_pooled_over_rounds():
    runs = [run("cpython", "[832040]", [0.4, 0.5]), run("hotwire", "[832040]", [0.1, 0.02]),
            run("cpython", "[832040]", [0.6]), run("hotwire", "[832040]", [0.1])]
    row = bars.build_row("fib", runs)
    assert (row["cpython_min"], row["cpython_median"]) == (0.4, 0.5)
    assert (row["hotwire_min"], row["hotwire_median"]) == (0.02, 0.1)
    assert row["ratio"] == pytest.approx(5.0)
    assert row["result"] == "FAIL"  # 5x is under fib's 20x bar
    assert bars.build_row("nbody", [dict(r, program="nbody") for r in runs])["result"] == "PASS"


# ---- verdicts ----

def test_verdict_pass_at_exactly_the_bar_and_fail_below():
    assert bars.verdict(4.0, 4.0, True, False) == "PASS"
    assert bars.verdict(3.99, 4.0, True, False) == "FAIL"


def test_verdict_wrong_beats_speed_and_error_beats_wrong():
    assert bars.verdict(100.0, 4.0, False, False) == "WRONG"
    assert bars.verdict(100.0, 4.0, False, True) == "ERROR"
    assert bars.verdict(None, 4.0, True, False) == "ERROR"


def test_outputs_agree():
    assert bars.outputs_agree(["1.5", "1.5", "1.5"]) is True
    assert bars.outputs_agree(["1.5", "1.5000000000000002"]) is False
    assert bars.outputs_agree([]) is False


def test_differing_hotwire_output_marks_row_wrong_even_when_fast():
    runs = [run("cpython", "[832040]", [1.0]), run("hotwire", "[832041]", [0.001])]
    row = bars.build_row("fib", runs)
    assert row["result"] == "WRONG"
    assert row["distinct_outputs"] == ["[832040]", "[832041]"]


def test_failed_hotwire_run_marks_row_error_with_its_last_stderr_line():
    runs = [run("cpython", "[832040]", [1.0]), run("hotwire", None, [], ok=False)]
    row = bars.build_row("fib", runs)
    assert row["result"] == "ERROR"
    assert row["hotwire_median"] is None and row["ratio"] is None
    assert row["failures"] == ["hotwire round 1: RuntimeError: boom"]


# ---- formatting ----

def test_format_seconds_units():
    assert bars.format_seconds(1.5) == "1.5 s"
    assert bars.format_seconds(0.10534) == "105 ms"
    assert bars.format_seconds(0.0055) == "5.5 ms"
    assert bars.format_seconds(2e-5) == "20 us"
    assert bars.format_seconds(None) == "-"


def test_format_table_markdown():
    row = {"program": "fib", "bar": 20.0, "cpython_min": 0.09, "cpython_median": 0.1,
           "hotwire_min": 0.0045, "hotwire_median": 0.005, "ratio": 20.0, "compiled": "1/1",
           "result": "PASS"}
    error_row = dict(row, program="nbody", bar=4.0, hotwire_min=None, hotwire_median=None, ratio=None,
                     compiled="-", result="ERROR")
    lines = bars.format_table([row, error_row]).splitlines()
    assert lines[0] == ("| program | CPython median (min) | hotwire median (min) | speed-up | bar "
                        "| compiled | result |")
    assert lines[1] == "|---|---|---|---|---|---|---|"
    assert lines[2] == "| fib(30) | 100 ms (min 90 ms) | 5 ms (min 4.5 ms) | 20.00x | >= 20x | 1/1 | PASS |"
    assert lines[3] == "| nbody | 100 ms (min 90 ms) | - | - | >= 4x | - | ERROR |"


def test_compiled_cell():
    assert bars.compiled_cell({"advance": True, "report_energy": False}) == "1/2"
    assert bars.compiled_cell(None) == "-"
    assert bars.compiled_cell({"error": "AttributeError"}) == "-"


def test_cpython_build_note_names_pgo_and_lto():
    note = bars.cpython_build_note()
    assert "PGO" in note and "LTO" in note
    assert os.path.realpath(sys.executable) in note


def test_parse_worker_stdout_takes_last_marker_line_and_ignores_chatter():
    out = 'debug print\nBENCH_RESULT {"times": [1]}\nmore chatter\nBENCH_RESULT {"times": [2]}\n'
    assert bars.parse_worker_stdout(out) == {"times": [2]}
    assert bars.parse_worker_stdout("no result here\n") is None
    assert bars.parse_worker_stdout("BENCH_RESULT {not json\n") is None


def test_demo_helpers():
    stderr = "hotwire: compiled simulate\nDEMO_TIMING float loop 0.750000\nDEMO_TIMING fib 0.5\n"
    assert demo.parse_timings(stderr) == {"float loop": 0.75, "fib": 0.5}
    assert demo.cli_missing(1, "python: No module named hotwire.__main__; 'hotwire' is a package")
    assert not demo.cli_missing(1, "Traceback...\nValueError: bad\n")
    assert demo.table([("fib", 1.0, 0.25)]).splitlines()[2] == "| fib | 1.000 s | 0.250 s | 4.00x |"


# ---- locating pyperformance's files ----

@needs_pyperformance
def test_locates_installed_pyperformance_nbody():
    path = worker.pyperformance_benchmark_file("nbody")
    pkg_dir = importlib.util.find_spec("pyperformance").submodule_search_locations[0]
    assert path == os.path.join(pkg_dir, "data-files", "benchmarks", "bm_nbody", "run_benchmark.py")
    assert os.path.isfile(path)
    assert not os.path.realpath(path).startswith(os.path.realpath(BENCH_DIR))


@needs_pyperformance
def test_missing_benchmark_is_a_clear_error():
    with pytest.raises(FileNotFoundError, match="bm_no_such_benchmark"):
        worker.pyperformance_benchmark_file("no_such_benchmark")


@needs_pyperformance
def test_loading_nbody_does_not_start_its_runner():
    module = worker.load_module(worker.pyperformance_benchmark_file("nbody"), "hotwire_test_bm_nbody")
    assert module.__name__ == "hotwire_test_bm_nbody"
    assert callable(module.bench_nbody) and module.DEFAULT_ITERATIONS == 20000
    sys.modules.pop("hotwire_test_bm_nbody", None)


# ---- subprocess protocol (outputs only; no timings) ----

SETTINGS = {"warmup": 0, "iterations": 1, "rounds": 1, "timeout": 120}


def test_worker_round_trip_reports_fib_output():
    result = bars.run_worker("fib", "cpython", SETTINGS, threshold=2)
    assert result["ok"] is True, result["stderr"]
    assert result["output"] == "[832040]"
    assert len(result["times"]) == 1


def test_worker_failure_is_reported_not_raised(tmp_path, monkeypatch):
    fake = tmp_path / "hotwire"
    fake.mkdir()
    (fake / "__init__.py").write_text("def enable(threshold=None):\n    raise RuntimeError('simulated')\n")
    monkeypatch.setenv("PYTHONPATH", str(tmp_path))
    result = bars.run_worker("fib", "hotwire", SETTINGS, threshold=2)
    assert result["ok"] is False
    assert result["returncode"] == 1
    assert "RuntimeError: simulated" in result["stderr"]
