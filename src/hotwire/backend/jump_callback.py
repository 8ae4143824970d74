"""The JUMP and LINE events' callback as a C-level callable, compiled by LLVM: the way into OSR entries.

sys.monitoring calls the JUMP callback at every backward jump of code whose event is on. A Python
callback cannot hand a call over to compiled code cleanly: an exception the compiled code raises
would pass through the callback's own frame and add it to the traceback. A builtin function (a
PyCFunction, METH_FASTCALL) pushes no frame, sees the interpreter's frame as the thread's current
frame, and can return NULL with the program's exception. So this callback:
  - asks the code object for its OSR entry (co_extra, slot `osr_index`; runtime/osr.py sets it) and,
    when there is one and the frame is the code's, calls it with the jump's destination
    (backend/osr_entry.py): -1 -> NULL (raise), 1 -> None (the frame says where to resume).
    While a callback runs, 3.12 counts the thread as tracing (`tstate->tracing`, `what_event`), which
    silences every monitoring event: the rest of the call, run from here, would be invisible to
    sys.monitoring, sys.settrace and profilers, and its callees would never be counted as hot. So the
    OSR run sees the thread as the program does outside any callback, and the callback's state is
    put back before returning to the interpreter;
  - a LINE event (sent only for code compiled with line entries: runtime/module_entry.py) enters the
    unit the same way at the line's instruction, `frame->prev_instr`, where 3.12's INSTRUMENTED_LINE
    also resumes after the callback; a line that is no entry returns DISABLE;
  - otherwise (no entry, or the entry refuses) counts the jump for hotness (runtime/hotness.py)
    itself: a forward jump is no loop (DISABLE), a backward one adds one to the code's counter (a
    co_extra slot), and only every `batch`-th calls the Python callback, which counts `batch`
    iterations and decides (and returns what it returns, DISABLE included). A Python callback at
    every iteration made every loop 20 times slower until hot (1.5 us a jump).

What differs between processes is an external symbol (the co_extra slot's index is read from a cell):
the object code is the same everywhere, so the code cache keeps it and a later process links it
without LLVM (runtime/osr.py makes the callable). So this module imports LLVM only to emit it.
"""
from hotwire.backend.layout312 import off

NAME = "hotwire_jump"
START_NAME = "hotwire_start"
# The symbols a process binds: Py_ssize_t cells holding the co_extra indexes of OSR entries and of
# jump counters and the batch size less one (a power of two less one), the Python callback, None,
# sys.monitoring.DISABLE; for PY_START, the co_extra index of call counters, its batch mask and the
# Python callback.
OSR_INDEX_CELL, COUNT_INDEX_CELL, BATCH_MASK_CELL = "hw_jump_osr_index", "hw_jump_count_index", "hw_jump_batch_mask"
PYTHON_CALLBACK, NONE, DISABLE = "hw_jump_python_callback", "hw_jump_none", "hw_jump_disable"
CALL_COUNT_INDEX_CELL, CALL_BATCH_MASK_CELL = "hw_start_count_index", "hw_start_batch_mask"
PYTHON_START_CALLBACK = "hw_start_python_callback"


def emit_object():
    """The callback's object code (LLVM)."""
    from llvmlite import ir
    from hotwire.backend.engine import emit_object as emit
    module = ir.Module("hotwire_jump_callback")
    _emit(module)
    _emit_start(module)
    return emit(module)


def _api(module, name):
    """The C-API function `name`, declared in the module once."""
    from llvmlite import ir
    from hotwire.backend import capi
    return module.globals.get(name) or ir.Function(module, capi.function_type(name), name)


def _count(b, module, code, index_cell):
    """Adds one to the count in the code's co_extra slot whose index the cell `index_cell` holds;
    returns the new count (an i64: the slot holds an integer, no pointer)."""
    from llvmlite import ir
    from hotwire.backend.capi import I64, PTR
    from hotwire.backend.link_symbols import external
    index = b.load(external(module, index_cell), typ=I64)
    counter = b.alloca(PTR)
    b.store(ir.Constant(PTR, None), counter)
    b.call(_api(module, "PyUnstable_Code_GetExtra"), [code, index, counter])
    count = b.add(b.ptrtoint(b.load(counter, typ=PTR), I64), ir.Constant(I64, 1))
    b.call(_api(module, "PyUnstable_Code_SetExtra"), [code, index, b.inttoptr(count, PTR)])
    return count


def _emit_start(module):
    """The PY_START callback: counts a code's calls in its co_extra slot and calls the Python
    callback (hotness.on_start_batch) at the first call and then every `batch`-th; returns what that
    returns (DISABLE for code never to be compiled), else None. A Python callback at every call of
    every function not compiled yet cost about 1 us a call."""
    from llvmlite import ir
    from hotwire.backend.capi import I64, PTR
    from hotwire.backend.link_symbols import external
    fn = ir.Function(module, ir.FunctionType(PTR, [PTR, PTR, I64]), START_NAME)
    _self, args, nargs = fn.args
    b = ir.IRBuilder(fn.append_basic_block("entry"))
    count = _count(b, module, b.load(args, typ=PTR), CALL_COUNT_INDEX_CELL)
    mask = b.load(external(module, CALL_BATCH_MASK_CELL), typ=I64)
    first = b.icmp_unsigned("==", count, ir.Constant(I64, 1))
    batch_done = b.icmp_unsigned("==", b.and_(count, mask), ir.Constant(I64, 0))
    python = fn.append_basic_block("python")
    quiet = fn.append_basic_block("quiet")
    b.cbranch(b.or_(first, batch_done), python, quiet)
    b.position_at_end(quiet)
    b.ret(external(module, NONE))
    b.position_at_end(python)
    callback = external(module, PYTHON_START_CALLBACK)
    b.ret(b.call(_api(module, "PyObject_Vectorcall"), [callback, args, nargs, ir.Constant(PTR, None)]))


def _emit(module):
    from llvmlite import ir
    from hotwire.backend.capi import I8, I32, I64, PTR
    from hotwire.backend.link_symbols import external
    fn = ir.Function(module, ir.FunctionType(PTR, [PTR, PTR, I64]), NAME)
    _self, args, nargs = fn.args
    b = ir.IRBuilder(fn.append_basic_block("entry"))

    def api(name):
        return _api(module, name)

    def field(base, name, typ):
        return b.load(b.gep(base, [ir.Constant(I64, off(name))], source_etype=I8), typ=typ)

    code = b.load(args, typ=PTR)
    # Two arguments (code, line): a LINE event, sent only for code whose unit has line entries
    # (runtime/module_entry.py). Three (code, offset, destination): a JUMP.
    is_line = b.icmp_unsigned("==", nargs, ir.Constant(I64, 2))
    slot = b.alloca(PTR)
    b.store(ir.Constant(PTR, None), slot)
    osr_index = b.load(external(module, OSR_INDEX_CELL), typ=I64)
    b.call(api("PyUnstable_Code_GetExtra"), [code, osr_index, slot])
    entry = b.load(slot, typ=PTR)
    python = fn.append_basic_block("python")
    disable_block = fn.append_basic_block("disable")
    not_entered = fn.append_basic_block("not_entered")
    has_entry = fn.append_basic_block("has_entry")
    own_frame = fn.append_basic_block("own_frame")
    b.cbranch(b.icmp_unsigned("==", entry, ir.Constant(PTR, None)), not_entered, has_entry)
    b.position_at_end(has_entry)
    tstate = b.call(api("_PyThreadState_GetCurrent"), [])
    frame = field(field(tstate, "PyThreadState.cframe", PTR), "_PyCFrame.current_frame", PTR)
    b.cbranch(b.icmp_unsigned("==", field(frame, "_PyInterpreterFrame.f_code", PTR), code), own_frame, not_entered)
    b.position_at_end(own_frame)
    # A LINE event's instruction is the frame's prev_instr (set before the callback); a JUMP's
    # destination is its third argument. Both are byte offsets into co_code_adaptive.
    line_offset = b.sub(b.ptrtoint(field(frame, "_PyInterpreterFrame.prev_instr", PTR), I64),
                        b.add(b.ptrtoint(code, I64), ir.Constant(I64, off("PyCodeObject.co_code_adaptive"))))
    with b.if_else(is_line) as (line, jump):
        with line:
            line_block = b.block
        with jump:
            jump_dest = b.call(api("PyLong_AsLong"), [b.load(b.gep(args, [ir.Constant(I64, 2)], source_etype=PTR), typ=PTR)])
            jump_block = b.block
    dest = b.phi(I64)
    dest.add_incoming(line_offset, line_block)
    dest.add_incoming(jump_dest, jump_block)
    osr = b.inttoptr(b.ptrtoint(entry, I64), ir.PointerType(ir.FunctionType(I32, [PTR, PTR, I64])))
    tracing = b.gep(tstate, [ir.Constant(I64, off("PyThreadState.tracing"))], source_etype=I8)
    what_event = b.gep(tstate, [ir.Constant(I64, off("PyThreadState.what_event"))], source_etype=I8)
    saved = (b.load(tracing, typ=I32), b.load(what_event, typ=I32))
    b.store(ir.Constant(I32, 0), tracing)
    b.store(ir.Constant(I32, -1), what_event)
    r = b.call(osr, [tstate, frame, dest])
    b.store(saved[0], tracing)
    b.store(saved[1], what_event)
    raised = fn.append_basic_block("raised")
    ran = fn.append_basic_block("ran")
    switch = b.switch(r, not_entered)
    switch.add_case(ir.Constant(I32, -1), raised)
    switch.add_case(ir.Constant(I32, 1), ran)
    b.position_at_end(raised)
    b.ret(ir.Constant(PTR, None))
    b.position_at_end(ran)
    b.ret(external(module, NONE))
    b.position_at_end(not_entered)   # a line that is no entry is not sent again; a jump is counted
    b.cbranch(is_line, disable_block, python)
    b.position_at_end(python)
    offset = b.call(api("PyLong_AsLong"), [b.load(b.gep(args, [ir.Constant(I64, 1)], source_etype=PTR), typ=PTR)])
    destination = b.call(api("PyLong_AsLong"), [b.load(b.gep(args, [ir.Constant(I64, 2)], source_etype=PTR), typ=PTR)])
    backward = fn.append_basic_block("backward")
    b.cbranch(b.icmp_signed(">", destination, offset), disable_block, backward)
    b.position_at_end(disable_block)   # a forward jump (no loop), or a line that is no entry
    disable = external(module, DISABLE)
    refcount = b.load(disable, typ=I32)   # Py_INCREF as 3.12 does it: immortal objects stay as they are
    incremented = b.add(refcount, ir.Constant(I32, 1))
    with b.if_then(b.icmp_unsigned("!=", incremented, ir.Constant(I32, 0))):
        b.store(incremented, disable)
    b.ret(disable)
    b.position_at_end(backward)
    count = _count(b, module, code, COUNT_INDEX_CELL)
    quiet = fn.append_basic_block("quiet")
    batch_done = fn.append_basic_block("batch_done")
    mask = b.load(external(module, BATCH_MASK_CELL), typ=I64)
    b.cbranch(b.icmp_unsigned("!=", b.and_(count, mask), ir.Constant(I64, 0)), quiet, batch_done)
    b.position_at_end(quiet)
    b.ret(external(module, NONE))
    b.position_at_end(batch_done)
    callback = external(module, PYTHON_CALLBACK)
    b.ret(b.call(api("PyObject_Vectorcall"), [callback, args, nargs, ir.Constant(PTR, None)]))
