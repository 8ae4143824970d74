"""Which functions can run as a frameless clone (backend/pure_clone.py), and how: the kind of every
IR value in the clone. An analysis shared by the call_pure_functions pass and the lowering.

A function qualifies when, after specialisation, it has positional parameters only (never assigned),
every value is an int64, a double or a truth value, nothing it does can be observed (no allocation
survives, no Python code runs, no global changes), and its only calls are calls of itself through
one global name with exactly its parameters. Its parameters are assumed to be ints: whoever runs the
clone checks that the arguments are small exact ints first.
"""
from dataclasses import dataclass

from hotwire.ir import ops as irops

INT_BINARY = {0: "+", 10: "-", 5: "*", 2: "//", 6: "%", 1: "&", 7: "|", 12: "^", 3: "<<", 9: ">>"}
FLOAT_BINARY = {0: "+", 10: "-", 5: "*", 11: "/"}
_INT64 = range(-(1 << 63), 1 << 63)
EXACT_IN_DOUBLE = 1 << 53

INT, F64, BOOL, NULL, SELF = "int", "f64", "bool", "null", "self"


@dataclass
class ClonePlan:
    kinds: dict           # IR value -> INT, F64, BOOL, NULL or SELF in the clone
    result: str           # INT or F64: what every return returns
    self_name: str        # the global name of its recursive calls, or None


def clone_plan(irfn, code):
    """How `irfn` runs as a clone, or None when the function does not qualify."""
    if code.co_flags & 0x0C or code.co_kwonlyargcount or code.co_cellvars or code.co_freevars:
        return None
    for result in (INT, F64):
        plan = _infer(irfn, code, result)
        if plan is not None:
            return plan
    return None


def _infer(irfn, code, result):
    params = range(code.co_argcount)
    kinds = {}
    names = set()
    for _ in range(3):  # block parameters take the kinds of the values jumped with; few rounds settle
        for blk in irfn.blocks:
            for op in blk.ops:
                kind = _kind_of(op, kinds, params, names, result, code)
                if kind is False:
                    return None
                if kind is not None:
                    kinds[op] = kind
                if op.is_terminator:
                    for target, args in zip(op.targets, op.args):
                        for p, a in zip(target.params, args):
                            kinds[p] = kinds.get(a)
    if any(kinds.get(p) not in (INT, F64, BOOL) for blk in irfn.blocks for p in blk.params):
        return None
    if len(names) > 1 or (names and not any(isinstance(op, (irops.Call, irops.CallPure)) for op in kinds)):
        return None
    return ClonePlan(kinds, result, names.pop() if names else None)


def _kind_of(op, kinds, params, names, result, code):
    """The op's kind; None for an op with no value; False when the op rules the clone out."""
    operand = [kinds.get(v) for v in op.operands]
    if isinstance(op, irops.I64Const):
        return INT
    if isinstance(op, irops.F64Const):
        return F64
    if isinstance(op, irops.LoadConst):
        if type(op.value) is float:
            return F64
        return INT if type(op.value) is int and op.value in _INT64 else False
    if isinstance(op, irops.Null):
        return NULL
    if isinstance(op, (irops.BorrowLocal, irops.LoadLocal)):
        return INT if op.index in params else False
    if isinstance(op, irops.GuardType):
        return None if op.pytype is int and operand == [INT] else False
    if isinstance(op, (irops.UnboxInt, irops.BoxInt, irops.BoxFloat, irops.Dup)):
        return operand[0] if operand[0] in (INT, F64) else False
    if isinstance(op, irops.DecRef):
        return None if operand[0] in (INT, F64, BOOL, NULL) else False
    if isinstance(op, irops.LoadGlobal):
        names.add(op.symbol)
        return SELF
    if isinstance(op, irops.CallPure):   # the call_pure_functions pass made its own recursion this
        return result if op.callee.__code__ is code and operand[:2] == [NULL, SELF] else False
    if isinstance(op, irops.Call):
        return result if (op.kwnames is None and operand[:2] == [NULL, SELF]
                          and operand[2:] == [INT] * len(params)) else False
    if isinstance(op, irops.IntOp):
        return INT if operand == [INT, INT] else False
    if isinstance(op, irops.IntToFloat):
        return F64 if operand == [INT] else False
    if isinstance(op, (irops.FloatOp, irops.FloatDiv)):
        return F64 if operand == [F64, F64] else False
    if isinstance(op, irops.FloatNeg):
        return F64 if operand == [F64] else False
    if isinstance(op, irops.BinaryOp):
        if operand == [INT, INT] and op.oper % 13 in INT_BINARY:
            return INT
        in_float = op.oper % 13 in FLOAT_BINARY and set(operand) <= {INT, F64}
        return F64 if in_float and (F64 in operand or FLOAT_BINARY[op.oper % 13] == "/") else False
    if isinstance(op, (irops.IntCompare, irops.FloatCompare, irops.Compare)):
        return BOOL if op.oper in range(6) and operand in ([INT, INT], [F64, F64]) else False
    if isinstance(op, irops.Truthy):
        return BOOL if operand[0] in (INT, BOOL) else False
    if isinstance(op, irops.Not):
        return BOOL if operand == [BOOL] else False
    if isinstance(op, irops.Branch):
        return None if operand == [BOOL] else False
    if isinstance(op, irops.Return):
        return None if operand == [result] else False
    if isinstance(op, (irops.Jump, irops.Deopt)):
        return None
    return False
