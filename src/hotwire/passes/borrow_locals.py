"""Borrow instead of own: a fast local that is only inspected (guarded, unboxed, indexed) and then
released needs no incref/decref pair, because the frame's slot keeps the object alive meanwhile.

A `load_local` qualifies when its only consuming use is a `decref` in the same block, every other use
between them borrows (guards, unboxing, list_get...), and no op in between writes that local. If a
deopt happens in between, the frame state holds a borrowed value: the lowering takes a new reference
for the interpreter's stack (see Lowering.materialize).
"""
from hotwire.ir import ops as ir
from hotwire.ir.edit import insert_before, remove, replace_uses

_BORROWING = (ir.GuardType, ir.UnboxFloat, ir.UnboxInt, ir.ListGet, ir.TupleGet, ir.ListSet, ir.ListSetF64)
_WRITES_LOCAL = (ir.StoreLocal, ir.StoreLocalF64, ir.StoreLocalI64, ir.DeleteLocal, ir.TakeLocal)


def _borrowable(block, load):
    start = block.ops.index(load)
    for op in block.ops[start + 1:]:
        if isinstance(op, _WRITES_LOCAL) and op.index == load.index:
            return None
        if load in op.operands:
            if isinstance(op, ir.DecRef):
                return op
            if not isinstance(op, _BORROWING) or (isinstance(op, ir.ListSet) and op.operands[2] is load):
                return None
        if op.is_terminator and (load in op.operands or any(load in a for a in op.args)):
            return None
    return None


def run(fn, ctx):
    changed = False
    for block in fn.blocks:
        for load in [op for op in block.ops if isinstance(op, ir.LoadLocal) and not op.checked]:
            release = _borrowable(block, load)
            if release is None:
                continue
            borrowed = ir.BorrowLocal(index=load.index)
            insert_before(block, load, [borrowed])
            remove(block, load)
            remove(block, release)
            replace_uses(fn, load, borrowed)
            changed = True
    return changed
