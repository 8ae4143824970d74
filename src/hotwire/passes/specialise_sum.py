"""`sum(x)` of an itertools.repeat, a list or a tuple, which CPython runs through the iterator protocol:
every item costs a call of the iterator's `__next__`, a reference count up and down and a type check
(about 9 ns for `sum(itertools.repeat(1.0, n))`, the sum_repeat seed, for an addition of 1).

The rewrite is

    call(null, load_global[sum] or load_name[sum], x)  ->  sum_of(null, callable, x)

and the lowering (backend/lower_sum.py) checks at run time that the callable is the builtin sum (a
program may rebind `sum`) and what x is: an exact repeat of an exact float or int, or an exact list or
tuple of exact floats or of exact ints. Then the float sum is the same sequence of compensated
additions sum's float path makes, in registers; an int sum is added in 64 bits (a repeat's is the
element times the count). Anything else is the call the interpreter makes.
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
