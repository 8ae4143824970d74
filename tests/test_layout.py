"""hotwire.backend.layout312: the CPython 3.12 struct offsets compiled code relies on, checked two ways.

(a) When gcc and the interpreter's internal headers are present, tests/layout_probe.c is compiled against
    them and every `name offset` line it prints must match OFFSETS (and OFFSETS must have nothing the
    probe does not print). A second small probe, written here, checks the table's other constants.
(b) Always: each offset is used from Python with ctypes on live objects, and what it reads must be what
    the object is (id(type(x)) at ob_type, the float at ob_fval, the function's code at func_code, ...).

All reads below are inline `ctypes.X.from_address(...)` calls (C functions, no Python frame of their
own), so that reading does not itself change the frame stack being read.
"""
import ctypes
import dis
import os
import shutil
import subprocess
import sys
import sysconfig
import threading
import time

import pytest

from hotwire.backend import layout312
from hotwire.backend.layout312 import OFFSETS

PROBE = os.path.join(os.path.dirname(__file__), "layout_probe.c")
INCLUDE = sysconfig.get_path("include")

ctypes.pythonapi.PyThreadState_Get.restype = ctypes.c_void_p
ctypes.pythonapi.PyInterpreterState_Get.restype = ctypes.c_void_p


def off(name):
    return OFFSETS[name]


def ptr(address):
    return ctypes.c_void_p.from_address(address).value


def iframe_of(frame):
    """The _PyInterpreterFrame behind a frame object."""
    return ctypes.c_void_p.from_address(id(frame) + OFFSETS["PyFrameObject.f_frame"]).value


# ---- (a) against the C headers ------------------------------------------------------------------------

def _compiler_or_skip():
    gcc = shutil.which("gcc")
    if gcc is None:
        pytest.skip("gcc is not installed: the offsets are only checked from Python (tests below)")
    if not os.path.isdir(os.path.join(INCLUDE, "internal")):
        pytest.skip(f"the CPython internal headers are missing ({INCLUDE}/internal does not exist)")
    return gcc


def _compile_and_run(gcc, source, tmp_path, name):
    exe = tmp_path / name
    cmd = [gcc, f"-I{INCLUDE}", f"-I{INCLUDE}/internal", str(source), "-o", str(exe)]
    built = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    assert built.returncode == 0, f"{' '.join(cmd)} failed:\n{built.stderr}"
    ran = subprocess.run([str(exe)], capture_output=True, text=True, timeout=30)
    assert ran.returncode == 0, ran.stderr
    return ran.stdout


def test_offsets_match_the_c_headers(tmp_path):
    gcc = _compiler_or_skip()
    out = _compile_and_run(gcc, PROBE, tmp_path, "layout_probe")
    lines = out.splitlines()
    assert lines, "the probe printed nothing"
    measured = {}
    for line in lines:
        name, value = line.split()
        assert name not in measured, f"{name} printed twice"
        measured[name] = int(value)
    wrong = {n: (OFFSETS.get(n), v) for n, v in measured.items() if OFFSETS.get(n) != v}
    assert not wrong, f"OFFSETS differs from the headers (table, headers): {wrong}"
    unprobed = sorted(set(OFFSETS) - set(measured))
    assert not unprobed, f"OFFSETS entries tests/layout_probe.c does not check: {unprobed}"


CONSTANTS_PROBE = r'''
#define Py_BUILD_CORE 1
#include "Python.h"
#include "internal/pycore_frame.h"
#include "internal/pycore_interp.h"
#include "internal/pycore_long.h"
#include "internal/pycore_object.h"
#include "internal/pycore_dict.h"
#include <stddef.h>
#include <stdio.h>
int main(void) {
    printf("SIZEOF_INTERPRETER_FRAME_HEADER %zu\n", offsetof(_PyInterpreterFrame, localsplus));
    printf("MONITORING_EVENTS %d\n", (int)_PY_MONITORING_UNGROUPED_EVENTS);
    printf("MONITORS_SIZE %zu\n", sizeof(((PyInterpreterState *)0)->monitors));
    printf("FRAME_OWNED_BY_THREAD %d\n", (int)FRAME_OWNED_BY_THREAD);
    printf("PY_VECTORCALL_ARGUMENTS_OFFSET %zu\n", (size_t)PY_VECTORCALL_ARGUMENTS_OFFSET);
    printf("PYLONG_NON_SIZE_BITS %d\n", (int)_PyLong_NON_SIZE_BITS);
    printf("PYLONG_SHIFT %d\n", (int)PyLong_SHIFT);
    printf("GC_GENERATION_SIZE %zu\n", sizeof(struct gc_generation));
    printf("GC_GENERATION_THRESHOLD %zu\n", offsetof(struct gc_generation, threshold));
    printf("GC_GENERATION_COUNT %zu\n", offsetof(struct gc_generation, count));
    printf("SIZEOF_ASCII_OBJECT %zu\n", sizeof(PyASCIIObject));
    printf("SIZEOF_DICT_KEY_ENTRY %zu\n", sizeof(PyDictKeyEntry));
    printf("SIZEOF_DICT_UNICODE_ENTRY %zu\n", sizeof(PyDictUnicodeEntry));
    static char memory[64];
    PyObject *probe = (PyObject *)(memory + 32);   /* only the address arithmetic is measured */
    printf("DICT_OR_VALUES_OFFSET %ld\n",
           (long)((char *)(((PyDictOrValues *)probe) - 3) - (char *)probe));
    return 0;
}
'''


def test_constants_match_the_c_headers(tmp_path):
    gcc = _compiler_or_skip()
    source = tmp_path / "constants_probe.c"
    source.write_text(CONSTANTS_PROBE)
    measured = dict(line.split() for line in _compile_and_run(gcc, source, tmp_path, "constants").splitlines())
    for name in ("SIZEOF_INTERPRETER_FRAME_HEADER", "MONITORING_EVENTS", "FRAME_OWNED_BY_THREAD",
                 "PY_VECTORCALL_ARGUMENTS_OFFSET", "PYLONG_NON_SIZE_BITS", "PYLONG_SHIFT",
                 "DICT_OR_VALUES_OFFSET", "GC_GENERATION_SIZE", "GC_GENERATION_THRESHOLD",
                 "GC_GENERATION_COUNT", "SIZEOF_ASCII_OBJECT", "SIZEOF_DICT_KEY_ENTRY",
                 "SIZEOF_DICT_UNICODE_ENTRY"):
        assert getattr(layout312, name) == int(measured[name]), name
    # the monitors field is one byte per ungrouped event (compiled code reads it as two 8-byte words)
    assert int(measured["MONITORS_SIZE"]) == layout312.MONITORING_EVENTS


# ---- (b) observable from Python -----------------------------------------------------------------------

def test_table_is_consistent():
    assert layout312.SIZEOF_INTERPRETER_FRAME_HEADER == off("_PyInterpreterFrame.localsplus")
    assert layout312.PYLONG_SHIFT == sys.int_info.bits_per_digit
    assert layout312.PY_VECTORCALL_ARGUMENTS_OFFSET == 1 << 63
    assert all(isinstance(v, int) and v >= 0 and v % 1 == 0 for v in OFFSETS.values())
    assert layout312.off("PyObject.ob_type") == OFFSETS["PyObject.ob_type"]


def test_pyobject_header():
    x = object()
    refcnt = ctypes.c_ssize_t.from_address(id(x) + off("PyObject.ob_refcnt"))
    before = refcnt.value
    assert before == sys.getrefcount(x) - 1   # getrefcount holds one more while it runs
    y = x
    assert refcnt.value == before + 1
    del y
    assert refcnt.value == before
    for value in (x, 1.5, "s", [1], (1, 2), {}, 10**30, len, int):
        assert ptr(id(value) + off("PyObject.ob_type")) == id(type(value))


def test_var_object_sizes():
    for seq in ([], [1, 2, 3], list(range(100)), (), (1,), tuple("abcde")):
        assert ctypes.c_ssize_t.from_address(id(seq) + off("PyVarObject.ob_size")).value == len(seq)
    d = {"a": 1, "b": 2}
    used = ctypes.c_ssize_t.from_address(id(d) + off("PyDictObject.ma_used"))
    assert used.value == 2
    d["c"] = 3
    assert used.value == 3
    del d["a"], d["b"]
    assert used.value == 1


def test_dict_version_tag_moves_at_every_change():
    """runtime/install.py reads the builtins dict's version: any change, even undone, moves it."""
    d = {"a": 1}
    version = ctypes.c_uint64.from_address(id(d) + off("PyDictObject.ma_version_tag"))
    before = version.value
    assert d["a"] == 1 and version.value == before
    d["a"] = 2
    d["a"] = 1
    assert version.value > before


def test_float_value():
    for v in (0.0, -0.0, 1.5, -2.25e300, 5e-324, float("inf")):
        assert ctypes.c_double.from_address(id(v) + off("PyFloatObject.ob_fval")).value == v
    negzero = -0.0
    assert str(ctypes.c_double.from_address(id(negzero) + off("PyFloatObject.ob_fval")).value) == "-0.0"


def test_long_tag_and_digits():
    bits = layout312.PYLONG_NON_SIZE_BITS
    shift = layout312.PYLONG_SHIFT
    for v in (0, 1, 7, -7, 2**30 - 1, 2**30, -(2**45), 2**61 + 12345, 10**40):
        tag = ctypes.c_uint64.from_address(id(v) + off("PyLongObject.lv_tag")).value
        ndigits = tag >> bits
        sign = tag & ((1 << bits) - 1)   # 0: positive, 1: zero, 2: negative
        assert sign == (1 if v == 0 else 2 if v < 0 else 0), (v, tag)
        expected_digits = 0 if v == 0 else (abs(v).bit_length() + shift - 1) // shift
        assert ndigits == expected_digits, (v, tag)
        digits = (ctypes.c_uint32 * max(ndigits, 1)).from_address(id(v) + off("PyLongObject.ob_digit"))
        assert sum(d << (shift * i) for i, d in enumerate(digits[:ndigits])) == abs(v)


def test_list_tuple_and_cell_items():
    lst = ["a", 2, None, 3.5]
    items = ptr(id(lst) + off("PyListObject.ob_item"))
    assert [ptr(items + 8 * i) for i in range(len(lst))] == [id(v) for v in lst]
    tup = ("x", 1, lst)
    assert [ptr(id(tup) + off("PyTupleObject.ob_item") + 8 * i) for i in range(3)] == [id(v) for v in tup]

    captured = object()

    def closure():
        return captured
    cell = closure.__closure__[0]
    assert ptr(id(cell) + off("PyCellObject.ob_ref")) == id(captured)


def test_type_iternext_slot_is_the_types_next():
    nxt = ctypes.CFUNCTYPE(ctypes.py_object, ctypes.py_object)
    for iterator, first in ((iter([10, 20]), 10), (iter((5,)), 5), (iter("xy"), "x"), (iter(range(3, 9)), 3),
                            (iter({"k": 1}), "k")):
        slot = ptr(id(type(iterator)) + off("PyTypeObject.tp_iternext"))
        assert slot is not None
        assert nxt(slot)(iterator) == first
    assert ptr(id(list) + off("PyTypeObject.tp_iternext")) is None   # a list is not an iterator


def test_range_and_list_iterators():
    it = iter(range(3, 20, 4))              # 3, 7, 11, 15, 19
    read = lambda name: ctypes.c_long.from_address(id(it) + off(name)).value  # noqa: E731
    assert (read("_PyRangeIterObject.start"), read("_PyRangeIterObject.step"),
            read("_PyRangeIterObject.len")) == (3, 4, 5)
    next(it)
    next(it)
    assert (read("_PyRangeIterObject.start"), read("_PyRangeIterObject.len")) == (11, 3)

    lst = [1, 2, 3]
    lit = iter(lst)
    index = ctypes.c_ssize_t.from_address(id(lit) + off("_PyListIterObject.it_index"))
    assert ptr(id(lit) + off("_PyListIterObject.it_seq")) == id(lst)
    assert index.value == 0
    next(lit)
    next(lit)
    assert index.value == 2
    list(lit)
    assert ptr(id(lit) + off("_PyListIterObject.it_seq")) is None   # exhausted: the list is let go


def test_function_fields():
    def f(a, b=1, *, c=2) -> int:
        return a + b + c + len(captured)
    captured = [1]
    f.__annotations__   # noqa: B018 - made a dict on first access; the field then holds that dict
    for field, value in (("func_globals", f.__globals__), ("func_builtins", f.__builtins__),
                         ("func_code", f.__code__), ("func_defaults", f.__defaults__),
                         ("func_kwdefaults", f.__kwdefaults__), ("func_closure", f.__closure__),
                         ("func_annotations", f.__annotations__)):
        key = f"PyFunctionObject.{field}"
        if key in OFFSETS:
            assert ptr(id(f) + off(key)) == id(value), field
    default_vectorcall = ctypes.cast(ctypes.pythonapi._PyFunction_Vectorcall, ctypes.c_void_p).value
    assert ptr(id(f) + off("PyFunctionObject.vectorcall")) == default_vectorcall

    def g():
        pass
    assert ptr(id(g) + off("PyFunctionObject.func_defaults")) is None
    assert ptr(id(g) + off("PyFunctionObject.func_closure")) is None
    f.__defaults__ = (5,)
    assert ptr(id(f) + off("PyFunctionObject.func_defaults")) == id(f.__defaults__)

    def h(a, b=1, *, c=2):
        return captured
    f.__code__ = h.__code__
    assert ptr(id(f) + off("PyFunctionObject.func_code")) == id(h.__code__)


def _deopt_map():
    base = {}
    for name, specialised in dis._specializations.items():
        for s in specialised:
            base[dis._all_opmap[s]] = dis.opmap[name]
    return base


def test_code_fields():
    def plain(a, b, *args, c, **kw):
        x = a + b
        return x

    def with_cells(a):
        y = 1

        def inner():
            return a + y
        return inner

    inner = with_cells(0)
    for code, nlocalsplus in ((plain.__code__, 6), (with_cells.__code__, 3), (inner.__code__, 2)):
        read = lambda name: ctypes.c_int.from_address(id(code) + off(name)).value  # noqa: E731
        assert read("PyCodeObject.co_flags") == code.co_flags
        assert read("PyCodeObject.co_argcount") == code.co_argcount
        assert read("PyCodeObject.co_nlocalsplus") == nlocalsplus
        # co_framesize counts the frame header, the locals (plus cells and free variables) and the stack
        header_words = layout312.SIZEOF_INTERPRETER_FRAME_HEADER // 8
        assert read("PyCodeObject.co_framesize") == header_words + nlocalsplus + code.co_stacksize

    # co_code_adaptive holds the instructions; quickening only changes opcodes to specialised forms
    # of the same instruction and fills in the inline caches, so its deoptimised form is co_code.
    base = _deopt_map()
    for _ in range(5):
        plain(1, 2, c=3)
        plain(1.0, 2.0, c=3)
    code = plain.__code__
    adaptive = ctypes.string_at(id(code) + off("PyCodeObject.co_code_adaptive"), len(code.co_code))
    for ins in dis.get_instructions(code):
        op, arg = adaptive[ins.offset], adaptive[ins.offset + 1]
        assert base.get(op, op) == code.co_code[ins.offset], ins
        assert arg == code.co_code[ins.offset + 1], ins


def test_frame_object_and_interpreter_frame():
    import builtins
    seen = {}

    def callee(a, b):
        me = sys._getframe()
        caller = sys._getframe(1)
        it = iframe_of(me)
        seen["it"] = it
        seen["code"] = ptr(it + off("_PyInterpreterFrame.f_code"))
        seen["func"] = ptr(it + off("_PyInterpreterFrame.f_funcobj"))
        seen["globals"] = ptr(it + off("_PyInterpreterFrame.f_globals"))
        seen["builtins"] = ptr(it + off("_PyInterpreterFrame.f_builtins"))
        seen["locals"] = ptr(it + off("_PyInterpreterFrame.f_locals"))
        seen["frame_obj"] = ptr(it + off("_PyInterpreterFrame.frame_obj"))
        seen["previous"] = ptr(it + off("_PyInterpreterFrame.previous"))
        seen["caller_it"] = iframe_of(caller)
        seen["owner"] = ctypes.c_int8.from_address(it + off("_PyInterpreterFrame.owner")).value
        seen["localsplus"] = [ptr(it + off("_PyInterpreterFrame.localsplus") + 8 * i) for i in range(2)]
        caller_it = iframe_of(caller)
        seen["caller_prev_instr"] = ptr(caller_it + off("_PyInterpreterFrame.prev_instr"))
        seen["caller_lasti"] = caller.f_lasti
        seen["caller_code"] = caller.f_code
        seen["me"] = me
        return a

    def outer(x):
        return callee(x, "b")

    arg = object()
    assert outer(arg) is arg
    me = seen["me"]
    assert seen["code"] == id(callee.__code__) == id(me.f_code)
    assert seen["func"] == id(callee)
    assert seen["globals"] == id(callee.__globals__)
    assert seen["builtins"] == id(builtins.__dict__)
    assert seen["locals"] is None            # a function frame has no locals dict
    assert seen["frame_obj"] == id(me)
    assert seen["previous"] == seen["caller_it"]
    assert seen["owner"] == layout312.FRAME_OWNED_BY_THREAD
    assert seen["localsplus"][0] == id(arg)
    assert seen["localsplus"][1] == id("b")
    code = seen["caller_code"]
    assert seen["caller_prev_instr"] == id(code) + off("PyCodeObject.co_code_adaptive") + seen["caller_lasti"]
    # during a call, prev_instr is the CALL instruction's last inline cache entry
    call = max((i for i in dis.get_instructions(code) if i.offset <= seen["caller_lasti"]),
               key=lambda i: i.offset)
    assert call.opname == "CALL", call


def test_module_frame_has_its_locals_dict():
    ns = {"ctypes": ctypes, "off": off}
    exec("import sys\n"
         "frame = sys._getframe()\n"
         "it = ctypes.c_void_p.from_address(id(frame) + off('PyFrameObject.f_frame')).value\n"
         "read = [ctypes.c_void_p.from_address(it + off(f'_PyInterpreterFrame.{name}')).value\n"
         "        for name in ('f_locals', 'f_globals', 'frame_obj')]\n", ns)
    assert ns["read"] == [id(ns), id(ns), id(ns["frame"])]
    del ns["frame"]


def test_generator_frames():
    def loop_gen(xs):
        for x in xs:
            yield x

    def plain_gen():
        yield 1

    for gen, depth in ((loop_gen([1, 2]), 1), (plain_gen(), 0)):
        next(gen)
        it = iframe_of(gen.gi_frame)
        code = gen.gi_code
        nlocalsplus = ctypes.c_int.from_address(id(code) + off("PyCodeObject.co_nlocalsplus")).value
        # suspended: stacktop counts the locals plus what is on the value stack (the for loop's iterator)
        assert ctypes.c_int.from_address(it + off("_PyInterpreterFrame.stacktop")).value == nlocalsplus + depth
        assert ctypes.c_int8.from_address(it + off("_PyInterpreterFrame.owner")).value == 1  # generator
        assert ptr(it + off("_PyInterpreterFrame.f_code")) == id(code)
        assert ptr(it + off("_PyInterpreterFrame.f_funcobj")) is not None

    def inner():
        caller = sys._getframe(1)
        yield ctypes.c_uint16.from_address(iframe_of(caller) + off("_PyInterpreterFrame.return_offset")).value

    def delegate():
        yield from inner()

    send = next(i for i in dis.get_instructions(delegate) if i.opname == "SEND")
    assert list(delegate()) == [send.arg]   # SEND into a generator records where to resume


def test_thread_state():
    tstate = ctypes.pythonapi.PyThreadState_Get()
    assert ptr(tstate + off("PyThreadState.interp")) == ctypes.pythonapi.PyInterpreterState_Get()

    def frames():
        me = iframe_of(sys._getframe())
        cframe = ptr(tstate + off("PyThreadState.cframe"))
        current = ctypes.c_void_p.from_address(cframe + off("_PyCFrame.current_frame")).value
        top = ctypes.c_void_p.from_address(tstate + off("PyThreadState.datastack_top")).value
        limit = ctypes.c_void_p.from_address(tstate + off("PyThreadState.datastack_limit")).value
        return me, current, top, limit, sys._getframe().f_code

    me, current, top, limit, code = frames()
    assert current == me
    framesize = ctypes.c_int.from_address(id(code) + off("PyCodeObject.co_framesize")).value
    assert top == me + 8 * framesize            # the running frame is the last one pushed
    assert me < top <= limit
    # the limit is the end of a data stack chunk: page-aligned memory of a power-of-two size (>= 16 KiB)
    assert limit % 4096 == 0 and limit - top < 1 << 24

    def remaining():
        return (ctypes.c_int.from_address(tstate + off("PyThreadState.py_recursion_remaining")).value,
                ctypes.c_int.from_address(tstate + off("PyThreadState.c_recursion_remaining")).value)

    def nested():
        return remaining()

    class R:
        def __repr__(self):
            seen.append(remaining())
            return "r"

    seen = []
    py0, c0 = remaining()
    py1, c1 = nested()
    assert py1 == py0 - 1                        # one more Python frame
    repr(R())
    assert seen[0][1] < c0                       # PyObject_Repr is a C-level recursion
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(old + 50)
    try:
        assert remaining()[0] == py0 + 50
    finally:
        sys.setrecursionlimit(old)


def test_monitoring_table():
    tool = next((t for t in range(6) if sys.monitoring.get_tool(t) is None), None)
    if tool is None:
        pytest.skip("no free sys.monitoring tool id")
    monitors = ctypes.pythonapi.PyInterpreterState_Get() + off("PyInterpreterState.monitors")
    events = sys.monitoring.events
    sys.monitoring.use_tool_id(tool, "test_layout")
    try:
        before = ctypes.string_at(monitors, layout312.MONITORING_EVENTS)
        assert all(not byte & (1 << tool) for byte in before)
        chosen = events.PY_START | events.JUMP | events.RERAISE   # event numbers 0, 7 and 14 (the last)
        sys.monitoring.set_events(tool, chosen)
        after = ctypes.string_at(monitors, layout312.MONITORING_EVENTS)
        on = [i for i, byte in enumerate(after) if byte & (1 << tool)]
        assert on == [events.PY_START.bit_length() - 1, events.JUMP.bit_length() - 1,
                      events.RERAISE.bit_length() - 1] == [0, 7, 14]
    finally:
        sys.monitoring.set_events(tool, 0)
        sys.monitoring.free_tool_id(tool)
    assert all(not byte & (1 << tool) for byte in ctypes.string_at(monitors, layout312.MONITORING_EVENTS))


def test_eval_breaker_is_set_when_another_thread_wants_the_gil():
    """A thread waiting for the GIL sets a drop request after the switch interval, which shows in
    eval_breaker until the running thread gives the GIL up (the ceval loop then clears it)."""
    eval_breaker = ctypes.c_int.from_address(
        ctypes.pythonapi.PyInterpreterState_Get() + off("PyInterpreterState.ceval.eval_breaker"))
    stop = []
    old = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    spinner = threading.Thread(target=lambda: [None for _ in iter(lambda: bool(stop), True)])
    seen = set()
    try:
        spinner.start()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and not (0 in seen and any(seen - {0})):
            seen.add(eval_breaker.value)
    finally:
        stop.append(1)
        spinner.join()
        sys.setswitchinterval(old)
    assert 0 in seen and any(seen - {0}), seen
    assert all(0 <= v < 64 for v in seen), seen   # a few flag bits, not a pointer or a counter


def test_repeat_element_and_count():
    # Not in any header (Modules/itertoolsmodule.c): checked on a live object at run time too, and
    # sum() of a repeat is not specialised if it does not hold (backend/lower_sum.py).
    from hotwire.backend.lower_sum import repeat_layout_holds
    assert repeat_layout_holds()


def test_after_fork_hooks_list():
    """compile_process empties this list in its child: it must be the list os.register_at_fork's
    after_in_child hooks go to (the same list object, holding the hook just registered)."""
    hook = lambda: None   # noqa: E731 (registered for good: a hook cannot be unregistered)
    os.register_at_fork(after_in_child=hook)
    interp = ctypes.pythonapi.PyInterpreterState_Main
    interp.restype = ctypes.c_void_p
    address = ctypes.c_void_p.from_address(interp() + off("PyInterpreterState.after_forkers_child")).value
    hooks = ctypes.cast(address, ctypes.py_object).value
    assert type(hooks) is list and hooks[-1] is hook
