"""Counters for HOTWIRE_STATS and hotwire.stats(): what was compiled, how long it took, what was not.

HOTWIRE_STATS=1 prints a summary to stderr at exit; HOTWIRE_STATS_FILE=path writes it as JSON (the
differential tests read it to check that something was really compiled). Child processes inherit the
environment, so `%p` in the path is replaced by the process id, as in LLVM_PROFILE_FILE: without it, each
process that exits overwrites the file.

Compile time is counted apart for the main thread (time the program waited: HOTWIRE_SYNC=1,
`hotwire.jit`), for the background compiler thread and for compile processes (wall time there, while
the program went on; a unit a compile process made is also counted where the program linked it).

On-stack replacement: how many compiled functions have loops a running call can enter
(backend/osr_entry.py), and how many times a call running in the interpreter entered one.

Guard failures are the deopt exits compiled code took (each exit counts itself in a counter the machine
code increments; frame_abi.deopt_exit): the reported sites say where specialised code did not fit what
the program did, the first thing to look at when compiled code is slower than expected.
"""
import os
import sys
import time
import weakref

_compiled = {}     # qualname/filename:line -> seconds
_rejected = {}     # qualname -> reason
_counts = {"compile_seconds_main_thread": 0.0, "compile_seconds_background": 0.0, "compile_seconds_processes": 0.0,
           "osr_compiled": 0, "osr_entries_retired": 0, "first_unit_seconds": None}
_STARTED = time.perf_counter()   # this module is imported when hotwire starts
_live_sites = {}   # id(unit) -> (weakref, label, [(line, ctypes counter)]) while the unit lives
_retired = {}      # (label, line) -> deopts taken by units that have died
TOP_DEOPT_SITES = 10


def _label(code):
    return f"{code.co_qualname} ({os.path.basename(code.co_filename)}:{code.co_firstlineno})"


def record_compile(code, seconds, on_main_thread, unit=None):
    label = _label(code)
    _compiled[label] = seconds
    if _counts["first_unit_seconds"] is None:
        # How soon compiled code exists: what a warm code cache shortens.
        _counts["first_unit_seconds"] = time.perf_counter() - _STARTED
    _counts["compile_seconds_main_thread" if on_main_thread else "compile_seconds_background"] += seconds
    if unit is not None and unit.osr_address:
        _counts["osr_compiled"] += 1
    if unit is not None and (unit.deopt_counters or unit.osr_address):
        # Counters are read from live units; a dying unit's counts are folded into _retired, so that
        # a program that compiles the same functions again and again does not grow this module.
        # (A weak reference's callback, not weakref.finalize: finalize's exit hook walks a registry
        # the background compiler may be adding to, and fails with "changed size during iteration".)
        key = id(unit)
        _live_sites[key] = (weakref.ref(unit, lambda _ref, key=key: _retire(key)), label,
                            [(line_of(code, offset), counter) for offset, counter in unit.deopt_counters],
                            unit.osr_entries)


def record_compile_process(seconds):
    """A compile in a compile process (runtime/compile_process.py): wall time there, while the program
    went on; the program's link of the unit is recorded by record_compile."""
    _counts["compile_seconds_processes"] += seconds


def _retire(key):
    _ref, label, sites, osr_entries = _live_sites.pop(key)
    _counts["osr_entries_retired"] += osr_entries.value
    for line, counter in sites:
        if counter.value:
            _retired[(label, line)] = _retired.get((label, line), 0) + counter.value


def line_of(code, offset):
    """The source line of the instruction at `offset` (None when it has none)."""
    for start, end, line in code.co_lines():
        if start <= offset < end:
            return line
    return None


def deopts_by_line(code, deopt_counters):
    """{line: times taken} of a unit's deopt exits taken at least once."""
    taken = {}
    for offset, counter in deopt_counters:
        if counter.value:
            line = line_of(code, offset)
            taken[line] = taken.get(line, 0) + counter.value
    return taken


def deopt_sites():
    """[(function label, line, times taken)] of the deopt exits taken at least once, most taken first."""
    taken = dict(_retired)
    for _ref, label, sites, _osr in list(_live_sites.values()):
        for line, counter in sites:
            if counter.value:
                taken[(label, line)] = taken.get((label, line), 0) + counter.value
    return sorted(((label, line, n) for (label, line), n in taken.items()), key=lambda site: -site[2])


def record_rejection(code, reason):
    _rejected[_label(code)] = reason


def debug_enabled():
    return bool(os.environ.get("HOTWIRE_DEBUG"))


def snapshot():
    main, background = _counts["compile_seconds_main_thread"], _counts["compile_seconds_background"]
    processes = _counts["compile_seconds_processes"]
    sites = deopt_sites()
    return {
        "guard_failures": sum(n for _, _, n in sites),
        "guard_failure_sites": [list(site) for site in sites[:TOP_DEOPT_SITES]],
        "compiled": len(_compiled),
        "compile_seconds": round(main + background + processes, 6),
        "compile_seconds_main_thread": round(main, 6),
        "compile_seconds_background": round(background, 6),
        "compile_seconds_processes": round(processes, 6),
        "osr_functions": _counts["osr_compiled"],
        "first_compiled_seconds": _counts["first_unit_seconds"],
        "code_cache": _code_cache_counts(),
        "osr_entries": _counts["osr_entries_retired"] + sum(
            entry[3].value for entry in list(_live_sites.values())),
        "rejected": len(_rejected),
        "compiled_functions": sorted(_compiled),
        "rejected_functions": dict(sorted(_rejected.items())),
    }


def _code_cache_counts():
    cache = sys.modules.get("hotwire.runtime.code_cache")   # imported by the first compile
    if cache is None:
        return {"hits": 0, "misses": 0, "stores": 0, "ignored_entries": 0}
    return cache.counts()


def format_report(snap):
    lines = ["hotwire stats:",
             f"  functions compiled: {snap['compiled']}",
             f"  compile time: {snap['compile_seconds'] * 1000:.1f} ms "
             f"({snap['compile_seconds_main_thread'] * 1000:.1f} ms on the main thread, "
             f"{snap['compile_seconds_background'] * 1000:.1f} ms on the background thread, "
             f"{snap['compile_seconds_processes'] * 1000:.1f} ms in compile processes)",
             f"  on-stack replacement: {snap['osr_entries']} entries into the loops (or module lines) "
             f"of {snap['osr_functions']} functions",
             f"  code cache: {snap['code_cache']['hits']} hits, {snap['code_cache']['misses']} misses, "
             f"{snap['code_cache']['stores']} stored, {snap['code_cache']['ignored_entries']} bad entries ignored",
             f"  guard failures (deopts to the interpreter): {snap['guard_failures']}"]
    for label, line, n in snap["guard_failure_sites"]:
        lines.append(f"    {label} line {line}: {n}")
    lines.append(f"  left to the interpreter: {snap['rejected']}")
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
