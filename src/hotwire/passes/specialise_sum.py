"""`sum(itertools.repeat(x, n))`, a loop that runs no bytecode at all (the sum_repeat seed): every
item costs CPython a call of the iterator's `__next__`, a reference count up and down and a type
check, about 9 ns, for an addition of 1.

The rewrite is

    call(null, load_global[sum] or load_name[sum], x)  ->  sum_of(null, callable, x)

and the lowering (backend/lower_sum.py) checks at run time that the callable is the builtin sum (a
program may rebind `sum`) and that x is an exact repeat of an exact float or int; then the float sum is
the same sequence of compensated additions sum's float path makes, in a register, and an int sum is
the element times the count. Anything else is the call the interpreter makes.
"""
from hotwire.ir import ops as ir
from hotwire.ir.edit import is_call_of_name, replace_op

def run(fn, ctx):
    changed = False
    for block in fn.blocks:
        for op in list(block.ops):
            if not is_call_of_name(op, "sum"):
                continue
            replace_op(fn, block, op, ir.SumOf(*op.operands))
            changed = True
    return changed
