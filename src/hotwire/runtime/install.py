"""Compiled code per code object, installed on function objects through PyFunction_SetVectorcall.

The registry remembers, for every code object hotwire has looked at, either its CompiledUnit or the
reason it stays in the interpreter, so `explain()` and the stats can say what happened.
"""
import ctypes
import signal
import threading
import time
import weakref

from hotwire.backend.engine import release_module
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


class ByIdentity:
    """A map keyed by code object *identity*: code objects compare equal by value, and two equal code
    objects (the same source compiled twice) are different things to compiled code, which embeds the
    object's address. Entries go when their code object dies."""

    def __init__(self, on_death=None):
        self._items = {}
        self._on_death = on_death

    def get(self, code, default=None):
        item = self._items.get(id(code))
        return item[1] if item is not None and item[0]() is code else default

    def __contains__(self, code):
        return self.get(code, _ABSENT) is not _ABSENT

    def __setitem__(self, code, value):
        key = id(code)
        self._items[key] = (weakref.ref(code, lambda _, key=key: self._died(key)), value)

    def _died(self, key):
        item = self._items.pop(key, None)
        if item is not None and self._on_death is not None:
            self._on_death(item[1])

    def __iter__(self):
        return (ref() for ref, _ in list(self._items.values()) if ref() is not None)

    def __len__(self):
        return len(self._items)


_ABSENT = object()
_HANDLED_SIGNALS = signal.valid_signals() - {signal.SIGKILL, signal.SIGSTOP, signal.SIGSEGV,
                                             signal.SIGBUS, signal.SIGFPE, signal.SIGILL}


def compiling():
    """True while hotwire compiles: calls made by the compiler itself are not counted as hot."""
    return _compiling[0] > 0
units = ByIdentity(on_death=lambda unit: release_module(unit.module))  # code -> CompiledUnit
rejected = ByIdentity()   # code -> reason (str)
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
            # Signals wait until the compiler is done: a handler's exception belongs to the program,
            # not to the compiler (which would take it for a compiler error). Handlers already due run
            # first, and what they raise goes to the program.
            blocked = signal.pthread_sigmask(signal.SIG_BLOCK, _HANDLED_SIGNALS)
            try:
                ctypes.pythonapi.PyErr_CheckSignals()
            except BaseException:
                signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
                raise
            _compiling[0] += 1
            try:
                unit = compile_code(code, func.__qualname__, arg_types,
                                    global_cells=globals_cache.provider_for(func),
                                    own_tool_mask=own_tool_mask())
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
            finally:
                signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
                _compiling[0] -= 1
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
