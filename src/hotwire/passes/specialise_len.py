"""`len(x)` as an unboxed length read from the object (the len_global seed: `n += len(w)` in a loop).

CPython calls the builtin through vectorcall, which asks the type's length slot and boxes the result
(a small int, or a new one), which the addition then unboxes again. The rewrite is

    call(null, load_global[len] or load_name[len], x)  ->  box_int(len_of(null, callable, x))

and the lowering (backend/lower_len.py) checks at run time that the callable is the builtin len (a
program may rebind `len`, as the seed does half-way) and that x is an exact str, list, tuple, dict or
bytes; then the length is a field of x. Anything else makes the call, and a result that is not an
exact int in 64 bits goes to the interpreter right after the call. This pass runs before the type
specialisation, which removes the box where the length is used as an int.
"""
from hotwire.ir import ops as ir
from hotwire.ir.edit import is_call_of_name, replace_op, state_after


def run(fn, ctx):
    changed = False
    for block in fn.blocks:
        for op in list(block.ops):
            if not is_call_of_name(op, "len"):
                continue
            length = ir.LenOf(*op.operands, deopt_state=state_after(fn, op))
            replace_op(fn, block, op, length, ir.BoxInt(length))
            changed = True
    return changed
