"""Struct offsets of CPython 3.12 (x86-64 Linux), read from the 3.12 internal headers.

Generated with `offsetof` against `$(python3.12 -c 'import sysconfig;print(sysconfig.get_path("include"))')/internal`
(the program is tests/layout_probe.c; tests/test_layout.py recompiles it and checks this table when gcc is
present, and checks the values that can be observed from Python on every run). hotwire refuses to start
on any interpreter other than 3.12 (hotwire._platform), so no other table exists yet.
"""
import sys


OFFSETS = {
    "PyThreadState.interp": 16,
    "PyThreadState.cframe": 56,
    "PyThreadState.py_recursion_remaining": 28,
    "PyThreadState.c_recursion_remaining": 36,
    "PyThreadState.tracing": 44,
    "PyThreadState.what_event": 48,
    "PyThreadState.datastack_top": 240,
    "PyThreadState.datastack_limit": 248,
    "_PyCFrame.current_frame": 0,
    "PyInterpreterState.monitors": 381744,
    "PyInterpreterState.after_forkers_child": 3888,
    "PyInterpreterState.ceval.eval_breaker": 368,
    "PyInterpreterState.ceval.gc_scheduled": 396,
    "PyInterpreterState.gc.generations": 136,
    "PyInterpreterState.gc.long_lived_total": 336,
    "PyInterpreterState.gc.long_lived_pending": 344,
    "_PyInterpreterFrame.f_code": 0,
    "_PyInterpreterFrame.previous": 8,
    "_PyInterpreterFrame.f_funcobj": 16,
    "_PyInterpreterFrame.f_globals": 24,
    "_PyInterpreterFrame.f_builtins": 32,
    "_PyInterpreterFrame.f_locals": 40,
    "_PyInterpreterFrame.frame_obj": 48,
    "_PyInterpreterFrame.prev_instr": 56,
    "_PyInterpreterFrame.stacktop": 64,
    "_PyInterpreterFrame.return_offset": 68,
    "_PyInterpreterFrame.owner": 70,
    "_PyInterpreterFrame.localsplus": 72,
    "PyCodeObject.co_flags": 48,
    "PyCodeObject.co_argcount": 52,
    "PyCodeObject.co_nlocalsplus": 72,
    "PyCodeObject.co_framesize": 76,
    "PyCodeObject.co_code_adaptive": 192,
    "PyFunctionObject.func_globals": 16,
    "PyFunctionObject.func_builtins": 24,
    "PyFunctionObject.func_code": 48,
    "PyFunctionObject.func_defaults": 56,
    "PyFunctionObject.func_kwdefaults": 64,
    "PyFunctionObject.func_closure": 72,
    "PyFunctionObject.func_annotations": 112,
    "PyFunctionObject.vectorcall": 128,
    "PyFrameObject.f_frame": 24,
    "PyObject.ob_refcnt": 0,
    "PyObject.ob_type": 8,
    "PyVarObject.ob_size": 16,
    "PyASCIIObject.length": 16,
    "PyFloatObject.ob_fval": 16,
    "PyLongObject.lv_tag": 16,
    "PyLongObject.ob_digit": 24,
    "PyListObject.ob_item": 24,
    "PyTupleObject.ob_item": 24,
    "PyCellObject.ob_ref": 16,
    "PyDictObject.ma_used": 16,
    "PyDictObject.ma_version_tag": 24,
    "PyTypeObject.tp_iter": 216,
    "PyTypeObject.tp_iternext": 224,
    "PyTypeObject.tp_version_tag": 384,
    "PyHeapTypeObject.ht_cached_keys": 880,
    "PyDictObject.ma_keys": 32,
    "PyDictKeysObject.dk_log2_index_bytes": 9,
    "PyDictKeysObject.dk_kind": 10,
    "PyDictKeysObject.dk_version": 12,
    "PyDictKeysObject.dk_nentries": 24,
    "PyDictKeysObject.dk_indices": 32,
    "PyDictKeyEntry.me_key": 8,
    "PyDictKeyEntry.me_value": 16,
    "PyDictUnicodeEntry.me_key": 0,
    "PyDictUnicodeEntry.me_value": 8,
    "_PyRangeIterObject.start": 16,
    "_PyRangeIterObject.step": 24,
    "_PyRangeIterObject.len": 32,
    "_PyListIterObject.it_index": 16,
    "_PyListIterObject.it_seq": 24,
}

SIZEOF_INTERPRETER_FRAME_HEADER = 72   # bytes before localsplus
MONITORING_EVENTS = 15                 # _PY_MONITORING_UNGROUPED_EVENTS
FRAME_OWNED_BY_THREAD = 0
PY_VECTORCALL_ARGUMENTS_OFFSET = 1 << 63
PYLONG_NON_SIZE_BITS = 3               # lv_tag: size << 3 | sign bits
PYLONG_SHIFT = 30
DICT_OR_VALUES_OFFSET = -24            # _PyObject_DictOrValuesPointer: ((PyDictOrValues *)obj) - 3
GC_GENERATION_SIZE = 24                # struct gc_generation: PyGC_Head head; int threshold; int count
GC_GENERATION_THRESHOLD = 16
GC_GENERATION_COUNT = 20
SIZEOF_ASCII_OBJECT = 40               # a compact ASCII str's characters follow its PyASCIIObject
SIZEOF_DICT_KEY_ENTRY = 24             # PyDictKeyEntry: a general dict's entries (hash, key, value)
SIZEOF_DICT_UNICODE_ENTRY = 16         # PyDictUnicodeEntry: a str-keyed dict's entries (key, value)


def is_immortal(obj):
    """3.12 immortal objects (None, small ints, interned strings...) need no refcounting."""
    return sys.getrefcount(obj) >= (1 << 32) - 1


def off(name):
    return OFFSETS[name]
