"""From raw results to the report: per-program figures, checks, speed-ups, geometric means, Markdown.

A speed-up is CPython's time divided by the runtime's, so 2.0x means twice as fast as CPython and 0.5x
half as fast. Per program and runtime:

- whole process: the median wall time of its whole-process runs;
- steady state: the mean of pyperf's values (seconds per loop, after warm-up), pooled over rounds; a
  program with several benchmark functions (scimark, logging, deepcopy) gets the geometric mean of its
  functions' means, so its speed-up is the geometric mean of theirs;
- check: 'ok' when every run printed CPython's output, 'WRONG' when one did not, 'ERROR' when a run
  failed, 'unchecked' when CPython's own runs disagree (the output is not deterministic).

A WRONG or ERROR program is left out of every geometric mean for that runtime.
"""
import math
import os
import platform
import statistics
import sys
import sysconfig

FORMAT = "hotwire-bench/1"  # the "format" field of a results file


def speedup(cpython_seconds, runtime_seconds):
    """CPython time / runtime time; None when either is missing or not positive."""
    if not cpython_seconds or not runtime_seconds or cpython_seconds <= 0 or runtime_seconds <= 0:
        return None
    return cpython_seconds / runtime_seconds


def geometric_mean(values):
    values = [v for v in values if v is not None]
    if not values:
        return None
    return math.exp(sum(math.log(v) for v in values) / len(values))


def steady_seconds(steady):
    """{function: [values]} -> geometric mean of the functions' mean values, None if one is empty."""
    if not steady or any(not values for values in steady.values()):
        return None
    return geometric_mean([statistics.fmean(values) for values in steady.values()])


def check(runs, runtime):
    """'ok', 'WRONG', 'ERROR' or 'unchecked' for `runtime` against CPython's outputs (see module doc)."""
    if runs.get(runtime, {}).get("errors") or runs.get("cpython", {}).get("errors"):
        return "ERROR"
    reference = {r["stdout"] for r in runs.get("cpython", {}).get("whole", [])}
    outputs = {r["stdout"] for r in runs.get(runtime, {}).get("whole", [])}
    if not reference or not outputs:
        return "ERROR"
    if len(reference) > 1:
        return "unchecked"
    return "ok" if outputs == reference else "WRONG"


def summarize(program, runtime_names):
    """One row: {runtime: {whole, steady, rss_mb, compile_seconds, compiled, check, errors}}."""
    row = {"program": program["name"], "kind": program["kind"]}
    for name in runtime_names:
        runs = program["runs"].get(name, {})
        whole = runs.get("whole", [])
        row[name] = {
            "whole": statistics.median([r["wall"] for r in whole]) if whole else None,
            "steady": steady_seconds(runs.get("steady")),
            "rss_mb": statistics.median([r["rss_kb"] for r in whole]) / 1024 if whole else None,
            "compile_seconds": _median_of(whole, "compile_seconds"),
            "compiled": _median_of(whole, "compiled"),
            "check": check(program["runs"], name),
            "errors": list(runs.get("errors", [])),
        }
    return row


def _median_of(runs, key):
    values = [r[key] for r in runs if r.get(key) is not None]
    return statistics.median(values) if values else None


def row_speedup(row, runtime, measure):
    """The row's speed-up of `runtime` for 'whole' or 'steady', None when WRONG or unmeasured."""
    if row[runtime]["check"] in ("WRONG", "ERROR"):
        return None
    return speedup(row["cpython"][measure], row[runtime][measure])


def mean_speedup(rows, runtime, measure):
    """Geometric mean of the rows' speed-ups (WRONG and ERROR rows left out), and how many counted."""
    ratios = [row_speedup(row, runtime, measure) for row in rows]
    counted = [r for r in ratios if r is not None]
    return geometric_mean(counted), len(counted)


def format_seconds(seconds):
    if seconds is None:
        return "-"
    if seconds >= 1:
        return f"{seconds:.3g} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.3g} ms"
    return f"{seconds * 1e6:.3g} us"


def format_ratio(ratio):
    return "-" if ratio is None else f"{ratio:.2f}x"


def _time_cell(row, runtime, measure):
    entry = row[runtime]
    if entry[measure] is None:
        return "ERROR" if entry["errors"] else "-"
    text = format_seconds(entry[measure])
    if runtime == "cpython":
        return text
    if entry["check"] == "WRONG":
        return f"{text} WRONG"
    return f"{text} ({format_ratio(speedup(row['cpython'][measure], entry[measure]))})"


def markdown(results, rows):
    """The report: the times table with geometric means, then memory, compile time and checks."""
    runtimes = results["runtimes"]
    names = [r["name"] for r in runtimes]
    labels = {r["name"]: r["label"] for r in runtimes}
    lines = [f"# hotwire bench: {results['settings']['mode']} run, {results['started']}", ""]
    header = (["program"] + [f"{labels[n]} whole" for n in names] + [f"{labels[n]} steady" for n in names])
    lines += [_table_line(header), _table_line(["---"] * len(header))]
    for row in rows:
        lines.append(_table_line([row["program"]] + [_time_cell(row, n, "whole") for n in names]
                                 + [_time_cell(row, n, "steady") for n in names]))
    means = ["**geometric mean of speed-ups**"]
    for measure in ("whole", "steady"):
        for name in names:
            if name == "cpython":
                means.append("1.00x")
            else:
                mean, counted = mean_speedup(rows, name, measure)
                means.append(f"**{format_ratio(mean)}** ({counted}/{len(rows)})")
    lines += [_table_line(means), ""]
    header = (["program"] + [f"{labels[n]} peak RSS" for n in names]
              + ["hotwire compile time (functions)"] + [f"{labels[n]} output" for n in names[1:]])
    lines += [_table_line(header), _table_line(["---"] * len(header))]
    for row in rows:
        hw = row.get("hotwire", {})
        compile_cell = ("-" if hw.get("compile_seconds") is None
                        else f"{hw['compile_seconds']:.2f} s ({hw['compiled']:g})")
        lines.append(_table_line(
            [row["program"]] + [_mb(row[n]["rss_mb"]) for n in names] + [compile_cell]
            + [row[n]["check"] for n in names[1:]]))
    lines += ["", *notes(results, rows)]
    return "\n".join(lines) + "\n"


def _table_line(cells):
    return "| " + " | ".join(cells) + " |"


def _mb(value):
    return "-" if value is None else f"{value:.0f} MB"


def notes(results, rows):
    settings = results["settings"]
    out = [
        "- **whole process**: wall time from spawn to exit of one run of the program as a user starts "
        "it (`python prog.py`, `python -m hotwire prog.py`, `pypy3 prog.py`): start-up, imports, "
        "warm-up, hotwire's compilation, the work, exit. A pyperformance benchmark runs as "
        "`hotwire/bench/oneshot.py`, which calls each of its benchmark functions once (loops=1). "
        f"Median of {settings['rounds']} run(s) per runtime.",
        "- **steady state**: pyperf's own worker (`--worker --loops N --warmups "
        f"{settings['warmups']} --values {settings['values']}`) under each runtime, N calibrated by "
        "pyperf under CPython and the same for all runtimes; the mean of its values (time per loop "
        "after the warm-ups). Several benchmark functions in one program: geometric mean of them.",
        "- speed-up (x) = CPython's time / the runtime's time: above 1 is faster than CPython. "
        "Geometric means leave out WRONG and ERROR programs; (k/n) says how many counted.",
        "- **output**: each runtime's whole-process stdout is compared with CPython's (pyperformance "
        "benchmarks print a digest of their results and final module data; scripts print their "
        "own). WRONG: it differs. unchecked: CPython's own runs differ. Peak RSS: of the "
        "whole-process run (os.wait4). Compile time: hotwire's HOTWIRE_STATS_FILE of that run.",
        f"- runs interleave runtime by runtime for each program, {settings['rounds']} round(s). "
        f"Load average (1 min) at start {results['load'][0]:.1f}, at end {results['load'][1]:.1f} "
        f"on {os.cpu_count()} CPUs: on a shared or busy machine the timings are noisy.",
        "- runtimes: " + "; ".join(f"{r['label']} {r['version']} (`{' '.join(r['command'])}`)"
                                    for r in results["runtimes"]),
        f"- {results['cpython_build']}",
        f"- machine: {results['machine']}",
    ]
    for row in rows:
        for name in [r["name"] for r in results["runtimes"]]:
            for error in row[name]["errors"]:
                out.append(f"- {row['program']} under {name}: ERROR {error}")
    return [line for line in out if line]


def cpython_build_note():
    """Which CPython the baseline is. A pyenv build without PGO/LTO is slower than a distro Python,
    which inflates every speed-up, so a table never appears without this note."""
    config = sysconfig.get_config_var("CONFIG_ARGS") or ""
    flags = [(name, flag in config) for name, flag in (("PGO", "--enable-optimizations"),
                                                       ("LTO", "--with-lto"))]
    built = " and ".join(f"{'with' if on else 'without'} {name}" for name, on in flags)
    return (f"CPython baseline: {platform.python_version()} at {os.path.realpath(sys.executable)}, "
            f"built {built} (sysconfig CONFIG_ARGS)"
            + ("; slower than an optimised build, so speed-ups read higher than against one."
               if not any(on for _, on in flags) else "."))


def machine_note():
    return f"{platform.machine()}, {platform.platform()}, {os.cpu_count()} CPUs"
