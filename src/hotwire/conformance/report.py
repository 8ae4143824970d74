"""Comparing a module's plain run with its hotwire run, and writing the report (Markdown and JSON).

A test differs when its outcome differs, when it ran in one mode only, or when it failed in both modes
with different tracebacks (memory addresses aside). A module is identical when both processes ended
the same way, no test differs, and the plain run ran tests at all. The hotwire column also says how
many functions were compiled, so that a green module that compiled nothing cannot pass for
conformance.
"""
import difflib
import json
import re
from collections import Counter

from hotwire.conformance.known import EXPLAINED

OUTCOMES = ("pass", "fail", "error", "skip", "xfail", "xpass")
DIFF_LINES = 8  # lines of each difference kept in the report
_ADDRESS = re.compile(r"0x[0-9a-fA-F]+")


def _same_detail(a, b):
    return _ADDRESS.sub("0x?", a) == _ADDRESS.sub("0x?", b)


def differences(plain, jit):
    """The tests whose outcome differs between the two runs, as dicts, in test-id order."""
    found = []
    for test in sorted(set(plain.outcomes) | set(jit.outcomes)):
        p_outcome, p_detail = plain.outcomes.get(test, ("missing", ""))
        j_outcome, j_detail = jit.outcomes.get(test, ("missing", ""))
        if test == jit.unfinished and j_outcome == "missing":
            j_outcome = "unfinished"
        if p_outcome == j_outcome and (p_outcome not in ("fail", "error") or _same_detail(p_detail, j_detail)):
            continue
        found.append({"test": test, "plain": p_outcome, "hotwire": j_outcome,
                      "first_lines": _first_lines(p_detail, j_detail), "explained": EXPLAINED.get(test)})
    return found


def _first_lines(plain_detail, jit_detail):
    """The start of what tells the two runs apart: a diff of the details, or the one that exists."""
    if plain_detail and jit_detail:
        diff = difflib.unified_diff(plain_detail.splitlines(), jit_detail.splitlines(),
                                    "plain", "hotwire", lineterm="", n=1)
        return list(diff)[:DIFF_LINES]
    return (plain_detail or jit_detail).splitlines()[-DIFF_LINES:]  # the message is at the end


def _counts(run):
    counts = Counter(outcome for outcome, _ in run.outcomes.values())
    return {name: counts.get(name, 0) for name in OUTCOMES}


def compare(plain, jit):
    """One module's entry in the report."""
    diffs = differences(plain, jit)
    return {
        "module": plain.module,
        "identical": bool(plain.outcomes) and plain.status == jit.status and not diffs,
        "plain": {"status": plain.status, "seconds": round(plain.seconds, 1), **_counts(plain),
                  "stderr_tail": plain.stderr_tail},
        "hotwire": {"status": jit.status, "seconds": round(jit.seconds, 1), **_counts(jit),
                    "compiled": jit.compiled, "rejected": jit.rejected, "unfinished": jit.unfinished,
                    "stderr_tail": jit.stderr_tail},
        "differences": diffs,
    }


def summary(entries):
    return {
        "modules": len(entries),
        "identical": sum(e["identical"] for e in entries),
        "tests_differing": sum(len(e["differences"]) for e in entries),
        "explained": sum(bool(d["explained"]) for e in entries for d in e["differences"]),
        "tests_run": sum(sum(e["plain"][o] for o in OUTCOMES) for e in entries),
        "functions_compiled": sum(e["hotwire"]["compiled"] or 0 for e in entries),
    }


def load(out_dir):
    """The module entries of the report already in out_dir, by module name ({} if there is none)."""
    path = out_dir / "report.json"
    if not path.exists():
        return {}
    return {entry["module"]: entry for entry in json.loads(path.read_text())["modules"]}


def write(entries, out_dir, command_line):
    """report.json and report.md in out_dir; returns the summary."""
    total = summary(entries)
    (out_dir / "report.json").write_text(json.dumps(
        {"command": command_line, "summary": total, "modules": entries}, indent=1) + "\n")
    (out_dir / "report.md").write_text(markdown(entries, total, command_line))
    return total


def _cell(side):
    text = "/".join(str(side[o]) for o in ("pass", "fail", "error", "skip"))
    if side["xfail"] or side["xpass"]:
        text += f" (+{side['xfail']} xfail, {side['xpass']} xpass)"
    return text if side["status"] == "exit 0" else f"{text}, {side['status']}"


def markdown(entries, total, command_line):
    lines = ["# CPython regression tests under hotwire", "",
             f"Command: `{command_line}`", "",
             "Each module runs twice in its own processes: plain CPython, and under hotwire with "
             "HOTWIRE_THRESHOLD=0 (every function the JIT can compile is compiled at its first call, "
             "the stdlib included). Counts are pass/fail/error/skip.", "",
             f"**{total['identical']}/{total['modules']} modules identical; {total['tests_differing']} "
             f"tests differing ({total['explained']} of them explained below as not semantic); "
             f"{total['functions_compiled']} functions compiled; "
             f"{total['tests_run']} test outcomes in the plain runs.**", "",
             "| module | identical | plain | hotwire | compiled | left to the interpreter | hotwire s | plain s |",
             "|---|---|---|---|---|---|---|---|"]
    for e in entries:
        p, j = e["plain"], e["hotwire"]
        lines.append(f"| {e['module']} | {'yes' if e['identical'] else '**no**'} | {_cell(p)} | {_cell(j)} "
                     f"| {j['compiled']} | {j['rejected']} | {j['seconds']} | {p['seconds']} |")
    for e in entries:
        if e["identical"]:
            continue
        lines += ["", f"## {e['module']}", ""]
        for mode in ("plain", "hotwire"):
            side = e[mode]
            if side["status"] != "exit 0" and side["stderr_tail"]:
                lines += [f"{mode} run: {side['status']}; the end of its output:", "", "```",
                          side["stderr_tail"], "```", ""]
        if e["hotwire"]["unfinished"]:
            lines += [f"Running when the hotwire process ended: `{e['hotwire']['unfinished']}`", ""]
        for d in e["differences"]:
            lines += [f"- `{d['test']}`: plain {d['plain']}, hotwire {d['hotwire']}"]
            if d["explained"]:
                lines += [f"  (known, not a miscompile: {d['explained']})"]
            if d["first_lines"]:
                lines += ["", "  ```", *("  " + line for line in d["first_lines"]), "  ```"]
    return "\n".join(lines) + "\n"
