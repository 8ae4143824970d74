"""`hotwire bench --compare old.json new.json`: what changed between two runs, program by program.

For each program and runtime in both files, whole-process and steady-state times old -> new and the
change new/old (below 1.00x is faster now), then the geometric mean of the changes. A program that is
WRONG or ERROR in either run is shown but left out of the means, as in a report.
"""
import json

from hotwire.bench import report


class CompareError(Exception):
    """A file that cannot be compared (missing, not JSON, not a results file); one line."""


def load(path):
    try:
        with open(path) as fh:
            results = json.load(fh)
    except OSError as exc:
        raise CompareError(f"cannot read {path}: {exc.strerror}") from None
    except ValueError as exc:
        raise CompareError(f"{path} is not JSON: {exc}") from None
    if not isinstance(results, dict) or results.get("format") != report.FORMAT:
        raise CompareError(f"{path} is not a results file of `hotwire bench` (format {report.FORMAT})")
    return results


def rows_by_program(results):
    names = [r["name"] for r in results["runtimes"]]
    return {p["name"]: report.summarize(p, names) for p in results["programs"]}, names


def compare(old, new):
    """Markdown: one line per (program, runtime) in both runs, then geometric means of the changes."""
    old_rows, old_names = rows_by_program(old)
    new_rows, new_names = rows_by_program(new)
    runtimes = [n for n in old_names if n in new_names]
    programs = [p for p in old_rows if p in new_rows]
    header = ["program", "runtime", "whole old", "whole new", "change", "steady old", "steady new",
              "change"]
    lines = [f"# hotwire bench: {old['started']} -> {new['started']}", "",
             "| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    changes = {(n, m): [] for n in runtimes for m in ("whole", "steady")}
    for program in programs:
        for name in runtimes:
            before, after = old_rows[program][name], new_rows[program][name]
            bad = {before["check"], after["check"]} & {"WRONG", "ERROR"}
            cells = [program, name]
            for measure in ("whole", "steady"):
                change = report.speedup(after[measure], before[measure])  # new / old
                if change is not None and not bad:
                    changes[(name, measure)].append(change)
                cells += [report.format_seconds(before[measure]), report.format_seconds(after[measure]),
                          "/".join(sorted(bad)) if bad else report.format_ratio(change)]
            lines.append("| " + " | ".join(cells) + " |")
    lines.append("")
    for (name, measure), values in changes.items():
        lines.append(f"- {name} {measure}: geometric mean of new/old "
                     f"{report.format_ratio(report.geometric_mean(values))} over {len(values)} programs")
    only = sorted(set(old_rows) ^ set(new_rows))
    if only:
        lines.append(f"- in one run only (not compared): {', '.join(only)}")
    return "\n".join(lines) + "\n"
