/* Prints the struct offsets hotwire relies on, as read from CPython 3.12's own internal headers.
   tests/test_layout.py compiles this and compares the output with hotwire/backend/layout312.py. */
#define Py_BUILD_CORE 1
#include "Python.h"
#include "internal/pycore_frame.h"
#include "internal/pycore_interp.h"
#include "internal/pycore_code.h"
#include "internal/pycore_long.h"
#include "internal/pycore_range.h"
#include "internal/pycore_list.h"
#include "internal/pycore_dict.h"
#include <stddef.h>
#include <stdio.h>
#define O(key, T, f) printf("%s %zu\n", key, offsetof(T, f))
int main(void) {
    O("PyThreadState.interp", PyThreadState, interp);
    O("PyThreadState.cframe", PyThreadState, cframe);
    O("PyThreadState.py_recursion_remaining", PyThreadState, py_recursion_remaining);
    O("PyThreadState.c_recursion_remaining", PyThreadState, c_recursion_remaining);
    O("PyThreadState.tracing", PyThreadState, tracing);
    O("PyThreadState.what_event", PyThreadState, what_event);
    O("PyThreadState.datastack_top", PyThreadState, datastack_top);
    O("PyThreadState.datastack_limit", PyThreadState, datastack_limit);
    O("_PyCFrame.current_frame", _PyCFrame, current_frame);
    O("PyInterpreterState.monitors", PyInterpreterState, monitors);
    O("PyInterpreterState.after_forkers_child", PyInterpreterState, after_forkers_child);
    O("PyInterpreterState.ceval.eval_breaker", PyInterpreterState, ceval.eval_breaker);
    O("PyInterpreterState.ceval.gc_scheduled", PyInterpreterState, ceval.gc_scheduled);
    O("PyInterpreterState.gc.generations", PyInterpreterState, gc.generations);
    O("PyInterpreterState.gc.long_lived_total", PyInterpreterState, gc.long_lived_total);
    O("PyInterpreterState.gc.long_lived_pending", PyInterpreterState, gc.long_lived_pending);
    O("_PyInterpreterFrame.f_code", _PyInterpreterFrame, f_code);
    O("_PyInterpreterFrame.previous", _PyInterpreterFrame, previous);
    O("_PyInterpreterFrame.f_funcobj", _PyInterpreterFrame, f_funcobj);
    O("_PyInterpreterFrame.f_globals", _PyInterpreterFrame, f_globals);
    O("_PyInterpreterFrame.f_builtins", _PyInterpreterFrame, f_builtins);
    O("_PyInterpreterFrame.f_locals", _PyInterpreterFrame, f_locals);
    O("_PyInterpreterFrame.frame_obj", _PyInterpreterFrame, frame_obj);
    O("_PyInterpreterFrame.prev_instr", _PyInterpreterFrame, prev_instr);
    O("_PyInterpreterFrame.stacktop", _PyInterpreterFrame, stacktop);
    O("_PyInterpreterFrame.return_offset", _PyInterpreterFrame, return_offset);
    O("_PyInterpreterFrame.owner", _PyInterpreterFrame, owner);
    O("_PyInterpreterFrame.localsplus", _PyInterpreterFrame, localsplus);
    O("PyCodeObject.co_flags", PyCodeObject, co_flags);
    O("PyCodeObject.co_argcount", PyCodeObject, co_argcount);
    O("PyCodeObject.co_nlocalsplus", PyCodeObject, co_nlocalsplus);
    O("PyCodeObject.co_framesize", PyCodeObject, co_framesize);
    O("PyCodeObject.co_code_adaptive", PyCodeObject, co_code_adaptive);
    O("PyFunctionObject.func_globals", PyFunctionObject, func_globals);
    O("PyFunctionObject.func_builtins", PyFunctionObject, func_builtins);
    O("PyFunctionObject.func_code", PyFunctionObject, func_code);
    O("PyFunctionObject.func_defaults", PyFunctionObject, func_defaults);
    O("PyFunctionObject.func_kwdefaults", PyFunctionObject, func_kwdefaults);
    O("PyFunctionObject.func_closure", PyFunctionObject, func_closure);
    O("PyFunctionObject.func_annotations", PyFunctionObject, func_annotations);
    O("PyFunctionObject.vectorcall", PyFunctionObject, vectorcall);
    O("PyFrameObject.f_frame", PyFrameObject, f_frame);
    O("PyObject.ob_refcnt", PyObject, ob_refcnt);
    O("PyObject.ob_type", PyObject, ob_type);
    O("PyVarObject.ob_size", PyVarObject, ob_size);
    O("PyASCIIObject.length", PyASCIIObject, length);
    O("PyFloatObject.ob_fval", PyFloatObject, ob_fval);
    O("PyLongObject.lv_tag", PyLongObject, long_value.lv_tag);
    O("PyLongObject.ob_digit", PyLongObject, long_value.ob_digit);
    O("PyListObject.ob_item", PyListObject, ob_item);
    O("PyTupleObject.ob_item", PyTupleObject, ob_item);
    O("PyCellObject.ob_ref", PyCellObject, ob_ref);
    O("PyDictObject.ma_used", PyDictObject, ma_used);
    O("PyDictObject.ma_version_tag", PyDictObject, ma_version_tag);
    O("PyTypeObject.tp_iter", PyTypeObject, tp_iter);
    O("PyTypeObject.tp_iternext", PyTypeObject, tp_iternext);
    O("PyTypeObject.tp_version_tag", PyTypeObject, tp_version_tag);
    O("PyHeapTypeObject.ht_cached_keys", PyHeapTypeObject, ht_cached_keys);
    O("PyDictObject.ma_keys", PyDictObject, ma_keys);
    O("PyDictKeysObject.dk_log2_index_bytes", PyDictKeysObject, dk_log2_index_bytes);
    O("PyDictKeysObject.dk_kind", PyDictKeysObject, dk_kind);
    O("PyDictKeysObject.dk_version", PyDictKeysObject, dk_version);
    O("PyDictKeysObject.dk_nentries", PyDictKeysObject, dk_nentries);
    O("PyDictKeysObject.dk_indices", PyDictKeysObject, dk_indices);
    O("PyDictKeyEntry.me_key", PyDictKeyEntry, me_key);
    O("PyDictKeyEntry.me_value", PyDictKeyEntry, me_value);
    O("PyDictUnicodeEntry.me_key", PyDictUnicodeEntry, me_key);
    O("PyDictUnicodeEntry.me_value", PyDictUnicodeEntry, me_value);
    O("_PyRangeIterObject.start", _PyRangeIterObject, start);
    O("_PyRangeIterObject.step", _PyRangeIterObject, step);
    O("_PyRangeIterObject.len", _PyRangeIterObject, len);
    O("_PyListIterObject.it_index", _PyListIterObject, it_index);
    O("_PyListIterObject.it_seq", _PyListIterObject, it_seq);
    return 0;
}
