"""The public API: enable(), disable(), jit(), explain(), stats(), is_compiled()."""
import atexit
import os
import sys

from hotwire.runtime import background, compile_process, hotness, install
from hotwire.runtime import stats as _stats

DEFAULT_THRESHOLD = 1000
_exit_handler = {"registered": False}


def _threshold_from_env(name="HOTWIRE_THRESHOLD", default=DEFAULT_THRESHOLD):
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ValueError(f"{name} must be a non-negative integer, not {raw!r}") from None
    if value < 0:
        raise ValueError(f"{name} must be a non-negative integer, not {raw!r}")
    return value


def _sync_from_env():
    return os.environ.get("HOTWIRE_SYNC", "") not in ("", "0")


def enable(threshold=None, program=None):
    """Compile functions once they have been called `threshold` times (HOTWIRE_THRESHOLD, default
    1000; 0 compiles at the first call, which itself still runs in the interpreter). Compiling happens
    on a background thread, or in line with HOTWIRE_SYNC=1. `program`: the script being run (by
    `hotwire run`), whose earlier runs' cached machine code is then prepared for at once."""
    if threshold is None:
        threshold = _threshold_from_env()
    if threshold < 0:
        raise ValueError("threshold must be >= 0")
    # Loop iterations before a loop is hot: HOTWIRE_LOOP_THRESHOLD, default 10 per call of the threshold.
    loop_threshold = _threshold_from_env("HOTWIRE_LOOP_THRESHOLD", None)
    sync = _sync_from_env()
    install.set_sync(sync)
    if not _exit_handler["registered"]:
        atexit.register(_shutdown)
        _exit_handler["registered"] = True
    if sync:
        load_compiler()
    if program is not None:
        from hotwire.runtime import code_cache
        if code_cache.set_program(program) and not sync:
            install.prepare_in_line()
    hotness.start(threshold, loop_threshold)


def load_compiler():
    """Import the compiler and load LLVM now, on this thread, outside any monitoring callback.

    Needed before anything compiles in line (HOTWIRE_SYNC=1, hotwire.jit): compilation then runs inside
    a monitoring callback, possibly while the program is half-way through importing a module that
    llvmlite or the compiler imports too (typing, enum, re...); importing them there would find that
    module half-initialised. The background worker imports them on its own thread instead, where the
    import waits for the program's to finish.
    """
    import hotwire.compiler  # noqa: F401
    import hotwire.runtime.globals_cache  # noqa: F401
    from hotwire.backend.engine import load_llvm
    load_llvm()


def _shutdown():
    """At exit, in this order: nothing new compiles (a compile process that runs finishes on its own)
    and the running compile on the background thread finishes (LLVM must be idle when the process exits); the counters stop; the dict and function watchers go, with every global
    cell emptied; then the stats report, which now counts every compile."""
    compile_process.shutdown()
    background.shutdown()
    hotness.stop()
    globals_cache = sys.modules.get("hotwire.runtime.globals_cache")
    if globals_cache is not None:   # else nothing was ever compiled: no watchers
        globals_cache.clear_watchers()
    _stats.report_at_exit()


def disable():
    """Stop compiling new functions. Code already installed keeps running."""
    hotness.stop()


def jit(func):
    """Decorator: compile `func` when it is first called (that call runs in the interpreter; the
    types of its int/float arguments are the type feedback; later calls run the compiled code)."""
    if not hotness.is_active():
        enable()
    load_compiler()
    hotness.request(func.__code__)
    return func


def is_compiled(func):
    """True when calls of `func` run compiled code."""
    return install.is_installed(func)


def explain(func):
    """Compiled or not, and why; the deopt points in the compiled code."""
    code = func.__code__
    unit = install.units.get(code)
    if unit is not None:
        lines = [f"compiled: {func.__qualname__} ({unit.compile_seconds * 1000:.1f} ms to compile)"]
        if not install.is_installed(func):
            lines.append("  this function object does not run it yet (its __code__ was replaced, or it "
                         "was created before compilation or in another namespace and has not been "
                         "called since)")
        lines += ["  " + n for n in unit.notes]
        if unit.uncacheable:
            lines.append(f"  not stored in the code cache: {unit.uncacheable}")
        if unit.osr_address:
            lines.append("  on-stack replacement into the loops at line(s) " + ", ".join(
                str(_stats.line_of(code, offset)) for offset in unit.osr_offsets)
                + f": entered {unit.osr_entries.value} times"
                + (f", {unit.osr_deopts.value} of them left by a deopt" if unit.osr_deopts.value else ""))
        taken = _stats.deopts_by_line(code, unit.deopt_counters)
        if taken:
            lines.append("  deopts taken so far: " + ", ".join(
                f"line {line}: {n}" for line, n in sorted(taken.items(), key=lambda item: -item[1])))
        return "\n".join(lines)
    reason = install.rejected.get(code)
    if reason is not None:
        return f"not compiled: {reason}"
    if code in install.queued:
        return "not compiled yet: queued for a compile process or the background compiler"
    return ("not compiled: not hot yet (called fewer times than the threshold)"
            if hotness.is_active() else "not compiled: the JIT is not enabled")


def stats():
    """Counters so far: functions compiled, compile time, functions left to the interpreter."""
    return _stats.snapshot()
