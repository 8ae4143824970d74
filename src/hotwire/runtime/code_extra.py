"""Slots of a code object's co_extra: what hotwire attaches to a code object for C code to find.

Two slots are used, each requested once per process: the vectorcall entry of compiled code (read by the
function watcher, runtime/watchers.py, to install it on functions created later) and the OSR entry
(read by the JUMP callback, backend/jump_callback.py). Nothing frees what a slot points to: both are
machine code owned by the unit, which lives as long as the code object.
"""
import ctypes

_request = ctypes.pythonapi.PyUnstable_Eval_RequestCodeExtraIndex
_request.argtypes = [ctypes.c_void_p]
_request.restype = ctypes.c_ssize_t
_set = ctypes.pythonapi.PyUnstable_Code_SetExtra
_set.argtypes = [ctypes.py_object, ctypes.c_ssize_t, ctypes.c_void_p]


def new_slot():
    """A co_extra index of our own (with no free function)."""
    return _request(None)


def store(code, slot, address):
    _set(code, slot, address)
