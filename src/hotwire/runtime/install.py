"""Compiled code per code object, installed on function objects through PyFunction_SetVectorcall.

The registry remembers, for every code object hotwire has looked at, either its CompiledUnit or the
reason it stays in the interpreter, so `explain()` and the stats can say what happened.
"""
import ctypes
import threading
import time

from hotwire.compiler import compile_code
from hotwire.frontend.py312 import NotCompilable
from hotwire.runtime import globals_cache, stats
from hotwire.runtime.tool import own_tool_mask

_set_vectorcall = ctypes.pythonapi.PyFunction_SetVectorcall
_set_vectorcall.argtypes = [ctypes.py_object, ctypes.c_void_p]
_set_vectorcall.restype = None
_default_vectorcall = ctypes.cast(ctypes.pythonapi._PyFunction_Vectorcall, ctypes.c_void_p).value

_lock = threading.RLock()
_compiling = [0]


def compiling():
    """True while hotwire compiles: calls made by the compiler itself are not counted as hot."""
    return _compiling[0] > 0
units = {}        # code -> CompiledUnit
rejected = {}     # code -> reason (str)
_vectorcall_offset = None


def current_vectorcall(func):
    from hotwire.backend.layout312 import off
    return ctypes.c_void_p.from_address(id(func) + off("PyFunctionObject.vectorcall")).value


def is_installed(func):
    unit = units.get(func.__code__)
    return unit is not None and current_vectorcall(func) == unit.entry_address


def compile_for(func, arg_types=None):
    """Compile func's code (once per code object) and install it on func. Returns the unit or None.
    Everything it needs is imported with this module, not here: it runs inside a monitoring callback,
    possibly in the middle of the program's own imports."""
    code = func.__code__
    with _lock:
        if code in rejected:
            return None
        unit = units.get(code)
        if unit is None:
            try:
                _compiling[0] += 1
                try:
                    unit = compile_code(code, func.__qualname__, arg_types,
                                        global_cells=globals_cache.provider_for(func),
                                        own_tool_mask=own_tool_mask())
                finally:
                    _compiling[0] -= 1
            except NotCompilable as e:
                rejected[code] = str(e)
                stats.record_rejection(code, str(e))
                return None
            except Exception as e:  # a bug in hotwire must never break the program: stay interpreted
                reason = f"internal compiler error: {type(e).__name__}: {e}"
                rejected[code] = reason
                stats.record_rejection(code, reason)
                if stats.debug_enabled():
                    raise
                return None
            units[code] = unit
            globals_cache.publish_entry(code, unit.entry_address)
            stats.record_compile(code, unit.compile_seconds)
        if func.__code__ is code:
            _set_vectorcall(func, unit.entry_address)
        return unit


def uninstall(func):
    """Back to the interpreter's own vectorcall (e.g. after func.__code__ was replaced)."""
    _set_vectorcall(func, _default_vectorcall)


def now():
    return time.perf_counter()
