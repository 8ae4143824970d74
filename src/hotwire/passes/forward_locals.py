"""Forward float and int locals within a block: a local this block just stored as a float or an int
(store_local_f64, store_local_i64), or already read as one, is not guarded and unboxed again.

`dx = x1 - x2; d2 = dx * dx + ...` stores dx (store_local_f64) and reads it back twice, and each read is
a guard on the type of the object in the slot plus a load of its value. Within a block, as long as
nothing else can have written the slot, the object there is the float we stored (or guarded), and its
value is the one we have: the guard is dropped and the unboxed value reused.

What can write a fast local in 3.12: this function's own stores and deletes (tracked exactly), and
PyFrame_LocalsToFast, which copies a frame's f_locals dict back into its slots (after a trace function
returns; debuggers call it). That needs code to run while this frame is suspended in a call, so every op
that can call out (anything that can raise: calls, generic operations, attribute access...) forgets
everything. (3.13's write-through f_locals, PEP 667, will need the same boundary.) The `borrow_local`
stays: frame states may still hand the object to the interpreter; unused, it costs nothing.
"""
from hotwire.ir import ops as ir
from hotwire.ir.edit import remove, replace_uses

_WRITES_LOCAL = (ir.StoreLocal, ir.StoreLocalF64, ir.StoreLocalI64, ir.DeleteLocal, ir.TakeLocal)


_STORES = {ir.StoreLocalF64: float, ir.StoreLocalI64: int}
_UNBOXES = {ir.UnboxFloat: float, ir.UnboxInt: int}


def run(fn, ctx):
    changed = False
    for block in fn.blocks:
        known = {}       # local index -> (type, the unboxed value the slot's object holds)
        slot_of = {}     # borrow_local value -> local index
        for op in list(block.ops):
            if isinstance(op, ir.BorrowLocal):
                slot_of[op] = op.index
            elif isinstance(op, ir.GuardType) and known.get(slot_of.get(op.operands[0]), (None,))[0] is op.pytype:
                remove(block, op)
                changed = True
            elif type(op) in _UNBOXES and op.operands[0] in slot_of:
                index = slot_of[op.operands[0]]
                pytype, value = known.get(index, (None, None))
                if pytype is _UNBOXES[type(op)]:
                    remove(block, op)
                    replace_uses(fn, op, value)
                    changed = True
                else:
                    known[index] = (_UNBOXES[type(op)], op)
            elif type(op) in _STORES:
                known[op.index] = (_STORES[type(op)], op.operands[0])
            elif isinstance(op, _WRITES_LOCAL):
                known.pop(op.index, None)
            elif op.can_raise:
                known.clear()
    return changed
