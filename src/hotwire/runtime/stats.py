"""Counters for HOTWIRE_STATS and hotwire.stats(): what was compiled, how long it took, what was not.

HOTWIRE_STATS=1 prints a summary to stderr at exit; HOTWIRE_STATS_FILE=path writes it as JSON (the
differential tests read it to check that something was really compiled). Child processes inherit the
environment, so `%p` in the path is replaced by the process id, as in LLVM_PROFILE_FILE: without it, each
process that exits overwrites the file.

Compile time is counted apart for the main thread (time the program waited: HOTWIRE_SYNC=1,
`hotwire.jit`) and for the background compiler thread (wall time, while the program went on).
"""
import os
import sys

_compiled = {}     # qualname/filename:line -> seconds
_rejected = {}     # qualname -> reason
_counts = {"compile_seconds_main_thread": 0.0, "compile_seconds_background": 0.0}


def _label(code):
    return f"{code.co_qualname} ({os.path.basename(code.co_filename)}:{code.co_firstlineno})"


def record_compile(code, seconds, on_main_thread):
    _compiled[_label(code)] = seconds
    _counts["compile_seconds_main_thread" if on_main_thread else "compile_seconds_background"] += seconds


def record_rejection(code, reason):
    _rejected[_label(code)] = reason


def debug_enabled():
    return bool(os.environ.get("HOTWIRE_DEBUG"))


def snapshot():
    main, background = _counts["compile_seconds_main_thread"], _counts["compile_seconds_background"]
    return {
        "compiled": len(_compiled),
        "compile_seconds": round(main + background, 6),
        "compile_seconds_main_thread": round(main, 6),
        "compile_seconds_background": round(background, 6),
        "rejected": len(_rejected),
        "compiled_functions": sorted(_compiled),
        "rejected_functions": dict(sorted(_rejected.items())),
    }


def format_report(snap):
    lines = ["hotwire stats:",
             f"  functions compiled: {snap['compiled']}",
             f"  compile time: {snap['compile_seconds'] * 1000:.1f} ms "
             f"({snap['compile_seconds_main_thread'] * 1000:.1f} ms on the main thread, "
             f"{snap['compile_seconds_background'] * 1000:.1f} ms in the background)",
             f"  left to the interpreter: {snap['rejected']}"]
    for name, reason in list(snap["rejected_functions"].items())[:20]:
        lines.append(f"    {name}: {reason}")
    return "\n".join(lines) + "\n"


def stats_file_path():
    """HOTWIRE_STATS_FILE with `%p` replaced by this process's id, or None."""
    path = os.environ.get("HOTWIRE_STATS_FILE")
    return path.replace("%p", str(os.getpid())) if path else None


def report_at_exit():
    snap = snapshot()
    path = stats_file_path()
    if path:
        import json  # only at exit: `import hotwire` stays cheap for short scripts
        with open(path, "w") as f:
            json.dump(snap, f, indent=1)
    if os.environ.get("HOTWIRE_STATS", "") not in ("", "0"):
        sys.stderr.write(format_report(snap))
