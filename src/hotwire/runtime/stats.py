"""Counters for HOTWIRE_STATS and hotwire.stats(): what was compiled, how long it took, what was not.

HOTWIRE_STATS=1 prints a summary to stderr at exit; HOTWIRE_STATS_FILE=path writes it as JSON (the
differential tests read it to check that something was really compiled).
"""
import atexit
import json
import os
import sys

_compiled = {}     # qualname/filename:line -> seconds
_rejected = {}     # qualname -> reason
_counts = {"compile_seconds": 0.0}


def _label(code):
    return f"{code.co_qualname} ({os.path.basename(code.co_filename)}:{code.co_firstlineno})"


def record_compile(code, seconds):
    _compiled[_label(code)] = seconds
    _counts["compile_seconds"] += seconds


def record_rejection(code, reason):
    _rejected[_label(code)] = reason


def debug_enabled():
    return bool(os.environ.get("HOTWIRE_DEBUG"))


def snapshot():
    return {
        "compiled": len(_compiled),
        "compile_seconds": round(_counts["compile_seconds"], 6),
        "rejected": len(_rejected),
        "compiled_functions": sorted(_compiled),
        "rejected_functions": dict(sorted(_rejected.items())),
    }


def format_report(snap):
    lines = ["hotwire stats:",
             f"  functions compiled: {snap['compiled']}",
             f"  compile time: {snap['compile_seconds'] * 1000:.1f} ms",
             f"  left to the interpreter: {snap['rejected']}"]
    for name, reason in list(snap["rejected_functions"].items())[:20]:
        lines.append(f"    {name}: {reason}")
    return "\n".join(lines) + "\n"


def _at_exit():
    snap = snapshot()
    path = os.environ.get("HOTWIRE_STATS_FILE")
    if path:
        with open(path, "w") as f:
            json.dump(snap, f, indent=1)
    if os.environ.get("HOTWIRE_STATS", "") not in ("", "0"):
        sys.stderr.write(format_report(snap))


def register_exit_report():
    atexit.register(_at_exit)
