"""The public API: enable(), disable(), jit(), explain(), stats(), is_compiled()."""
import os

from hotwire.backend.engine import load_llvm
from hotwire.runtime import hotness, install
from hotwire.runtime import stats as _stats

DEFAULT_THRESHOLD = 10
_exit_report = {"registered": False}


def _threshold_from_env():
    raw = os.environ.get("HOTWIRE_THRESHOLD")
    if raw is None or raw == "":
        return DEFAULT_THRESHOLD
    try:
        value = int(raw)
    except ValueError:
        raise ValueError(f"HOTWIRE_THRESHOLD must be a non-negative integer, not {raw!r}") from None
    if value < 0:
        raise ValueError(f"HOTWIRE_THRESHOLD must be a non-negative integer, not {raw!r}")
    return value


def enable(threshold=None):
    """Compile functions once they have been called `threshold` times (HOTWIRE_THRESHOLD, default
    10; 0 compiles at the first call, which itself still runs in the interpreter)."""
    if threshold is None:
        threshold = _threshold_from_env()
    if threshold < 0:
        raise ValueError("threshold must be >= 0")
    if not _exit_report["registered"]:
        _stats.register_exit_report()
        _exit_report["registered"] = True
    # LLVM is loaded now, not at the first compile: compiling happens inside a monitoring callback,
    # possibly in the middle of one of the program's imports, where importing llvmlite (which
    # imports typing, importlib.resources...) could meet a half-initialised module.
    load_llvm()
    hotness.start(threshold)


def disable():
    """Stop compiling new functions. Code already installed keeps running."""
    hotness.stop()


def jit(func):
    """Decorator: compile `func` when it is first called (that call runs in the interpreter; the
    types of its int/float arguments are the type feedback; later calls run the compiled code)."""
    if not hotness.is_active():
        enable()
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
            lines.append("  this function object does not run it (its __code__ was replaced, or it "
                         "was created after compilation and not called yet)")
        lines += ["  " + n for n in unit.notes]
        return "\n".join(lines)
    reason = install.rejected.get(code)
    if reason is not None:
        return f"not compiled: {reason}"
    return ("not compiled: not hot yet (called fewer times than the threshold)"
            if hotness.is_active() else "not compiled: the JIT is not enabled")


def stats():
    """Counters so far: functions compiled, compile time, functions left to the interpreter."""
    return _stats.snapshot()
