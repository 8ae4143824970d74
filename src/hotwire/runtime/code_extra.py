"""Slots of a code object's co_extra: what hotwire attaches to a code object for C code to find.

Four slots are used, each requested once per process: the vectorcall entry of compiled code (read by
the function watcher, runtime/watchers.py, to install it on functions created later), the OSR entry
(read by the JUMP and LINE callback, backend/jump_callback.py), and the counts of the code's backward
jumps and of its calls (integers, kept by the JUMP and PY_START callbacks). Nothing frees what a slot
holds: the entries are machine code owned by the unit, which lives as long as the code object, and a
count is no pointer.
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
