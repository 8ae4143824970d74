"""Small editing helpers passes share: replacing a value everywhere, inserting ops, consumers."""
from hotwire.ir.ops import Call, FrameState, LoadGlobal, LoadName, Null


def replace_uses(fn, old, new):
    """Every use of `old` (operands, block arguments, frame states) now refers to `new`."""
    for block in fn.blocks:
        for op in block.ops:
            op.operands = [new if v is old else v for v in op.operands]
            if op.is_terminator:
                op.args = [[new if v is old else v for v in args] for args in op.args]
            for state in (op.error_state, op.deopt_state):
                if state is not None and any(v is old for v in state.stack):
                    state.stack = [new if v is old else v for v in state.stack]


def is_call_of_name(op, name):
    """`op` is `name(x)`: a call of one positional argument whose callable is the global (or, in
    module code, the name) `name`, whatever it holds when the call runs."""
    if not isinstance(op, Call) or op.kwnames or len(op.operands) != 3:
        return False
    null, callable_, _ = op.operands
    return isinstance(null, Null) and isinstance(callable_, (LoadGlobal, LoadName)) and callable_.symbol == name


def replace_op(fn, block, old, *new_ops):
    """`new_ops` take `old`'s place in the block, each with its error state; the last one takes every
    use of it (an unboxed op and the box of its result, say)."""
    for new in new_ops:
        new.error_state = old.error_state
    insert_before(block, old, list(new_ops))
    remove(block, old)
    replace_uses(fn, old, new_ops[-1])


def state_after(fn, call):
    """Where the interpreter resumes right after `call`: its next instruction, with the stack below
    the call's inputs (for an op that hands a result it cannot unbox to the interpreter, pushed)."""
    return FrameState(fn.bytecode.at(call.error_state.offset).next_offset, list(call.error_state.stack))


def insert_before(block, anchor, new_ops):
    i = block.ops.index(anchor)
    for k, op in enumerate(new_ops):
        op.block = block
        op.line = anchor.line
        block.ops.insert(i + k, op)


def remove(block, op):
    block.ops.remove(op)


def stack_before(op):
    """The interpreter's stack before the instruction an op came from: below its inputs, plus them."""
    return FrameState(op.error_state.offset, list(op.error_state.stack) + list(op.operands))
