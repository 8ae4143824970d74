"""The README demo: one unmodified script, run by plain CPython and by `python -m hotwire`.

    .venv/bin/python benchmarks/demo.py

What it shows, in this order: the two runs print byte-identical output (a JIT that changes answers is
worthless), then a side-by-side table of times. Wall time is the whole process as a user feels it,
start-up and compilation included; the section rows are the program's own in-process timings.
Nothing is asserted about speed: the demo reports. Exit status is 1 only if the outputs differ or a run
fails. Takes a few seconds (well under 30 s).

Until the `python -m hotwire` command exists, the hotwire run falls back to the equivalent in-process
bootstrap (import hotwire, enable(), run the script as __main__) and says so in the output.
"""
import difflib
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PROGRAM = os.path.join(HERE, "demo_program.py")
TIMING_MARKER = "DEMO_TIMING "
TIMEOUT = 120
FALLBACK = ("import runpy, sys, hotwire; hotwire.enable(); sys.argv = sys.argv[1:]; "
            "runpy.run_path(sys.argv[0], run_name='__main__')")


def parse_timings(stderr):
    """{section: seconds} from the program's DEMO_TIMING lines; other stderr lines are ignored."""
    timings = {}
    for line in stderr.splitlines():
        if line.startswith(TIMING_MARKER):
            section, _, seconds = line[len(TIMING_MARKER):].rpartition(" ")
            timings[section] = float(seconds)
    return timings


def run(cmd):
    """(returncode, stdout, stderr, wall seconds); a timeout is a failure, not an exception."""
    t0 = time.perf_counter()
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return None, "", f"timed out after {TIMEOUT} s", time.perf_counter() - t0
    return proc.returncode, proc.stdout, proc.stderr, time.perf_counter() - t0


def cli_missing(returncode, stderr):
    """True when `-m hotwire` failed only because the package has no __main__ yet."""
    return returncode != 0 and ("No module named hotwire.__main__" in stderr
                                or "cannot be directly executed" in stderr)


def fmt(seconds):
    return "-" if seconds is None else f"{seconds:.3f} s"


def table(rows):
    """Markdown: section | CPython | hotwire | speed-up (CPython / hotwire)."""
    lines = ["| | CPython | hotwire | speed-up |", "|---|---:|---:|---:|"]
    for name, cp, hw in rows:
        ratio = f"{cp / hw:.2f}x" if cp and hw else "-"
        lines.append(f"| {name} | {fmt(cp)} | {fmt(hw)} | {ratio} |")
    return "\n".join(lines)


def main():
    py = sys.executable
    print(f"$ python {os.path.relpath(PROGRAM)}            # plain CPython {sys.version.split()[0]}")
    cp = run([py, PROGRAM])
    how = "python -m hotwire"
    print(f"$ python -m hotwire {os.path.relpath(PROGRAM)}  # same file, JIT on")
    hw = run([py, "-m", "hotwire", PROGRAM])
    if cli_missing(hw[0], hw[2]):
        how = "import hotwire; hotwire.enable() (fallback: `python -m hotwire` is not there yet)"
        hw = run([py, "-c", FALLBACK, PROGRAM])
    print(f"  hotwire run via: {how}\n")

    failed = False
    for name, (code, out, err, _) in (("CPython", cp), ("hotwire", hw)):
        if code != 0:
            failed = True
            print(f"{name} run FAILED (exit {code}); its stderr:\n{err.rstrip()}\n")
    if failed:
        return 1

    print(cp[1].rstrip())
    print()
    if cp[1] == hw[1]:
        print(f"Outputs identical: yes ({len(cp[1].splitlines())} lines, byte for byte)\n")
    else:
        print("Outputs identical: NO -- hotwire's output differs from CPython's:")
        sys.stdout.writelines(difflib.unified_diff(cp[1].splitlines(True), hw[1].splitlines(True),
                                                   "cpython", "hotwire"))
        return 1

    cp_t, hw_t = parse_timings(cp[2]), parse_timings(hw[2])
    rows = [(section, cp_t.get(section), hw_t.get(section)) for section in cp_t]
    rows.append(("wall (whole process)", cp[3], hw[3]))
    print(table(rows))
    print("\nWall time includes interpreter start-up and, for hotwire, compiling the hot functions.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
