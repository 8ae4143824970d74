"""The main script's module-level code, entered in compiled code at a line.

Module-level code runs once: it is never hot by calls, and only its loops are by iterations (OSR,
osr_entry.py). One statement can still run for a long time without a loop in bytecode:
`print(sum(itertools.repeat(1.0, 10**8)))` spends a second in a builtin's C loop that compiled code
does several times faster (passes/specialise_sum.py). Nothing can move into compiled code in the
middle of a C call, nor at a CALL event (3.12's INSTRUMENTED_CALL does not look where the callback
left the frame), but a LINE event can: INSTRUMENTED_LINE resumes at `frame->prev_instr`, as
INSTRUMENTED_JUMP does. So, for the code of `__main__` only:

1. When nothing is cached for it and it calls `sum` on some lines, LINE and PY_RETURN events on that
   code alone (`set_local_events`) time each line's first run. A line that calls `sum` and took
   LONG_LINE seconds or more makes hotwire compile the module's code with an entry at every line
   that starts with an empty stack (py312.Builder(line_entries=True)) and store it in the code
   cache: in a compile process (runtime/compile_process.py) while the program goes on, else in
   line. That line has run in the interpreter; the lines after it enter the unit once it exists. (CALL events
   would show the call's arguments, but a tool with CALL events changes what a profiler installed by
   that very call sees: its C_RETURN event.)
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
import time

from hotwire.runtime import compile_process, install, osr
from hotwire.runtime.tool import TOOL

_LINE = sys.monitoring.events.LINE
_PY_RETURN = sys.monitoring.events.PY_RETURN
_DISABLE = sys.monitoring.DISABLE
LONG_LINE = 0.05   # seconds: a cold compile costs about 0.6 s, once per version of the script

_state = {"started": False, "code": None, "func": None, "sum_lines": (), "line": None, "since": 0.0}


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
        enter_at_lines(code)
        return
    sum_lines = _lines_loading(code, "sum")
    if not sum_lines:
        return
    _state.update(code=code, func=func, sum_lines=sum_lines)
    sys.monitoring.register_callback(TOOL, _LINE, _on_line)
    sys.monitoring.register_callback(TOOL, _PY_RETURN, _on_return)
    sys.monitoring.set_local_events(TOOL, code, _LINE | _PY_RETURN)


def _lines_loading(code, name):
    """The lines of module code that load `name` (LOAD_NAME)."""
    if name not in code.co_names:
        return set()
    from opcode import opmap   # (not imported by a script that never calls `name`: hello.py)
    from hotwire.frontend.raw_bytecode import instructions
    index, load_name = code.co_names.index(name), opmap["LOAD_NAME"]
    offsets = [offset for offset, op, arg, _ in instructions(code) if op == load_name and arg == index]
    return {line for start, end, line in code.co_lines() if any(start <= o < end for o in offsets)}


def _on_line(code, line):
    """A line of the main module's code runs for the first time: the previous one has ended."""
    _line_ended(code)
    _state["line"], _state["since"] = line, time.perf_counter()
    return _DISABLE


def _on_return(code, offset, value):
    _line_ended(code)
    return _DISABLE


def _line_ended(code):
    """If the line that just ended called sum and took long, compile the module's code with line
    entries (the lines after this one enter it)."""
    if code is not _state["code"] or _state["line"] not in _state["sum_lines"]:
        return
    if time.perf_counter() - _state["since"] < LONG_LINE:
        return
    func, _state["code"], _state["func"] = _state["func"], None, None
    if compile_process.submit_line_entries(code, func, install.line_entries_key(code)):
        return   # the program goes on; the unit is entered when the compile process has stored it
    if install.compile_line_entries(func) is not None:
        enter_at_lines(code)


def enter_at_lines(code):
    """From now on the code's LINE events (and no PY_RETURN events) go to the C-level callback, which
    enters its unit at a line start."""
    if osr.callback() is None:
        return
    sys.monitoring.register_callback(TOOL, _LINE, osr.callback())
    sys.monitoring.set_local_events(TOOL, code, _LINE)


def stop():
    """No more events (at exit, with the tool's other events)."""
    for event in (_LINE, _PY_RETURN):
        sys.monitoring.register_callback(TOOL, event, None)
