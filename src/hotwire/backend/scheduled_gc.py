"""Running the garbage collection CPython 3.12 has scheduled, from compiled code.

In 3.12 an allocation that pushes generation 0 past its threshold does not collect: it sets
`interp->ceval.gc_scheduled` and the eval breaker, and the interpreter collects at its next eval-breaker
check (`_Py_HandlePending` -> `_Py_RunGC`). Neither function is exported. Compiled code that only deopted
on a set breaker would hand every loop that allocates tuples or lists to the interpreter for the rest of
its call, and a frameless clone (pure_clone.py) would be skipped until some interpreted code happened to
collect: fib(30) took 8 ms instead of 5 ms whenever a collection was pending when it started.

So compiled code does what `_Py_HandlePending` does for this one request: clear the flag, let the eval
breaker be recomputed (releasing and taking back the GIL, as the interpreter's own GIL hand-over does),
and collect the generation `_Py_RunGC` would (gc_collect_generations: the oldest generation whose count
exceeds its threshold, generation 2 only when a quarter of the long-lived objects are new), through
`gc.collect(generation)`, which runs the same collection with the same callbacks.
"""
import gc

from llvmlite import ir

from hotwire.backend.capi import I32, I64, PTR
from hotwire.backend.layout312 import GC_GENERATION_SIZE, GC_GENERATION_THRESHOLD, GC_GENERATION_COUNT, off

GENERATIONS = 3


def _field(b, lowering, name, typ, extra=0):
    return b.load(lowering.interp_address(off(name) + extra), typ=typ)


def emit_run_scheduled_gc(lowering):
    """At the builder's position: if a collection is scheduled, run it (see the module docstring), in
    a cold function shared by the whole module (each loop's back edge checks the flag)."""
    b = lowering.b
    scheduled = lowering.interp_address(off("PyInterpreterState.ceval.gc_scheduled"))
    run = lowering.fn.append_basic_block("gc_scheduled")
    done = lowering.fn.append_basic_block("gc_done")
    b.cbranch(b.icmp_unsigned("!=", b.load_atomic(scheduled, "monotonic", 4, typ=I32), ir.Constant(I32, 0)),
              run, done)
    b.position_at_end(run)
    b.call(_collector(lowering, scheduled), [])
    b.branch(done)
    b.position_at_end(done)


def _collector(lowering, scheduled):
    """`void hw_run_scheduled_gc(void)`, emitted once per module. A failure of gc.collect itself (it
    has none but MemoryError for its result) is cleared: `_Py_RunGC`, which it stands for, makes no
    result and never raises into the program."""
    fn = lowering.module.globals.get("hw_run_scheduled_gc")
    if fn is not None:
        return fn
    fn = ir.Function(lowering.module, ir.FunctionType(ir.VoidType(), []), "hw_run_scheduled_gc")
    fn.linkage = "internal"
    fn.attributes.add("noinline")
    fn.attributes.add("cold")
    b = ir.IRBuilder(fn.append_basic_block())
    def call(name, *args):
        return b.call(lowering.capi_fn(name), list(args))
    b.store(ir.Constant(I32, 0), scheduled)   # a relaxed store, as the interpreter does it
    call("PyEval_RestoreThread", call("PyEval_SaveThread"))
    generation = ir.Constant(I64, -1)
    for i in range(GENERATIONS):   # youngest first, so the oldest that qualifies wins
        base = i * GC_GENERATION_SIZE
        count = _field(b, lowering, "PyInterpreterState.gc.generations", I32, base + GC_GENERATION_COUNT)
        threshold = _field(b, lowering, "PyInterpreterState.gc.generations", I32, base + GC_GENERATION_THRESHOLD)
        due = b.icmp_signed(">", count, threshold)
        if i == GENERATIONS - 1:
            pending = _field(b, lowering, "PyInterpreterState.gc.long_lived_pending", I64)
            total = _field(b, lowering, "PyInterpreterState.gc.long_lived_total", I64)
            due = b.and_(due, b.icmp_signed(">=", pending, b.sdiv(total, ir.Constant(I64, 4))))
        generation = b.select(due, ir.Constant(I64, i), generation)
    collect = fn.append_basic_block("collect")
    done = fn.append_basic_block("done")
    b.cbranch(b.icmp_signed(">=", generation, ir.Constant(I64, 0)), collect, done)
    b.position_at_end(collect)
    argv = b.alloca(PTR, 1)
    b.store(call("PyLong_FromLongLong", generation), argv)   # a small int: immortal, never fails
    result = call("PyObject_Vectorcall", lowering.const_ptr(gc.collect), argv, ir.Constant(I64, 1),
                  ir.Constant(PTR, None))
    failed = fn.append_basic_block("failed")
    collected = fn.append_basic_block("collected")
    b.cbranch(b.icmp_unsigned("==", result, ir.Constant(PTR, None)), failed, collected)
    b.position_at_end(failed)
    call("PyErr_Clear")
    b.branch(done)
    b.position_at_end(collected)
    b.call(lowering._decref_fn, [result])
    b.branch(done)
    b.position_at_end(done)
    b.ret_void()
    return fn
