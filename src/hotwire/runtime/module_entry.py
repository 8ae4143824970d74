"""The main script's module-level code, entered in compiled code at a line.

Module-level code runs once: it is never hot by calls, and only its loops are by iterations (OSR,
osr_entry.py). One statement can still run for a long time without a loop in bytecode:
`print(sum(itertools.repeat(1.0, 10**8)))` spends a second in a builtin's C loop that compiled code
does several times faster (passes/specialise_sum.py). Nothing can move into compiled code in the
middle of a C call, nor at a CALL event (3.12's INSTRUMENTED_CALL does not look where the callback
left the frame), but a LINE event can: INSTRUMENTED_LINE resumes at `frame->prev_instr`, as
INSTRUMENTED_JUMP does. So, for the code of `__main__` only:

1. When nothing is cached for it, CALL events on that code alone (`set_local_events`) show each
   module-level call's callable and first argument before the call runs. A call compiled code has a
   loop for, over at least LONG_SUM items, makes hotwire compile the module's code with an entry at
   every line that starts with an empty stack (py312.Builder(line_entries=True)), in line, and store
   it in the code cache. The call itself still runs in the interpreter; the lines after it enter the
   unit. Each call site is looked at once (DISABLE).
2. In a later run of the script (it had compiled code: code_cache.set_program), at the module code's
   start (PY_START, hotness._on_start) the unit is linked from the cache, without LLVM, and the code's
   LINE events go to the C-level callback (backend/jump_callback.py), which enters it at the next line
   start: the rest of the module runs compiled. A deopt (an `import`, a `class` statement) returns to
   the interpreter, and the line after it enters again. A line that is no entry is not sent again.

An error the entered code raises is looked up by 3.12 at the line's own instruction, so a line is an
entry only if no instruction that can raise after it is covered by an exception handler (the same
rule as for loops, osr_entry.plan_osr). Other tools (debuggers, profilers) make every entry refuse.
"""
import sys

from hotwire.runtime import install, osr
from hotwire.runtime.tool import TOOL

_CALL = sys.monitoring.events.CALL
_LINE = sys.monitoring.events.LINE
_DISABLE = sys.monitoring.DISABLE
LONG_SUM = 10_000_000   # items: about 90 ms of CPython's sum; a cold compile costs about 0.6 s once

_state = {"started": False, "code": None, "func": None}


def started(code, frame):
    """PY_START of a module's code (`frame`: its frame); acts once, for `__main__`'s."""
    if _state["started"] or code.co_name != "<module>" or frame.f_globals.get("__name__") != "__main__":
        return
    _state["started"] = True
    from hotwire.runtime import code_cache
    from hotwire.runtime.hotness import function_of
    func = function_of(frame)
    if getattr(func, "__code__", None) is not code or not code_cache.enabled():
        return
    if code_cache.program_was_compiled() and install.load_line_entries(func) is not None:
        _enter_at_lines(code)
        return
    _state["code"], _state["func"] = code, func
    sys.monitoring.register_callback(TOOL, _CALL, _on_call)
    sys.monitoring.set_local_events(TOOL, code, _CALL)


def _on_call(code, offset, callable_, arg0):
    """A call of the main module's code is about to run: if compiled code would do it much faster,
    compile the module's code with line entries. DISABLE: every call site is looked at once."""
    if code is _state["code"] and _long_sum(callable_, arg0):
        func, _state["code"], _state["func"] = _state["func"], None, None
        if install.compile_line_entries(func) is not None:
            _enter_at_lines(code)
    return _DISABLE


def _long_sum(callable_, arg):
    """sum(itertools.repeat(x, n)) with n >= LONG_SUM: what specialise_sum does (for a float or int x)."""
    from hotwire.backend.symbol_recipes import KNOWN
    return (callable_ is KNOWN.get("sum") and type(arg) is KNOWN.get("itertools.repeat")
            and arg.__length_hint__() >= LONG_SUM)


def _enter_at_lines(code):
    """From now on the code's LINE events (and no CALL events) go to the C-level callback, which
    enters its unit at a line start."""
    if osr.callback() is None:
        return
    sys.monitoring.register_callback(TOOL, _LINE, osr.callback())
    sys.monitoring.set_local_events(TOOL, code, _LINE)


def stop():
    """No more events (at exit, with the tool's other events)."""
    for event in (_CALL, _LINE):
        sys.monitoring.register_callback(TOOL, event, None)
