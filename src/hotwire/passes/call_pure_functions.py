"""Calls of small pure numeric functions run their frameless clone, unboxed, inside the caller.

`partial_sum += eval_A(i, j) * u_j` calls a function that only does int and float arithmetic on its
int arguments. A real call pushes a frame, binds and boxes; the result is boxed only to be unboxed by
the multiplication. When the global the call goes through denotes, at compile time, a function that
qualifies for a frameless clone (backend/pure_clone.py: no side effects, ints and floats only), the
call becomes `call_pure`: at run time, while the name still denotes that very function and the
arguments are small ints, the clone computes the result in registers; in every other case the real
call runs, so nothing changes for the program. The result is boxed for the call's users, and the
specialisation pass (which runs next) unboxes it again where it is used as a float or int, so the box
disappears.

The callee's IR is built and specialised here from its own code and feedback (CPython's quickened
instructions in its body); only functions sharing the caller's globals and builtins are considered,
so that the clone's recursive calls, if any, go through the same global cache cells.
"""
import types

from hotwire.frontend.py312 import Builder, NotCompilable
from hotwire.ir import ops as ir
from hotwire.ir.edit import replace_op, state_after
from hotwire.passes import borrow_locals, forward_locals, specialise_types
from hotwire.passes.pure_plan import F64, clone_plan


def run(fn, ctx):
    namespace = ctx.get("globals")
    if namespace is None:
        return False
    plans = {}
    changed = False
    for block in fn.blocks:
        for op in list(block.ops):
            if not (isinstance(op, ir.Call) and op.kwnames is None and isinstance(op.operands[0], ir.Null)
                    and isinstance(op.operands[1], ir.LoadGlobal)):
                continue
            callee = namespace.get(op.operands[1].symbol)
            found = _clonable(callee, namespace, ctx.get("builtins"), len(op.operands) - 2, plans)
            if found is None:
                continue
            irfn, plan = found
            pure = ir.CallPure(*op.operands, callee=callee, type=ir.F64 if plan.result == F64 else ir.I64,
                               deopt_state=state_after(fn, op))
            pure.callee_ir, pure.plan = irfn, plan
            replace_op(fn, block, op, pure, ir.BoxFloat(pure) if plan.result == F64 else ir.BoxInt(pure))
            note = f"calls of {callee.__qualname__} run its frameless clone (call_pure)"
            if note not in fn.notes:
                fn.notes.append(note)
            changed = True
    return changed


def _clonable(callee, namespace, builtins, nargs, plans):
    """(IR, clone plan) of `callee` when a call with `nargs` positional arguments can run its clone."""
    if type(callee) is not types.FunctionType or callee.__globals__ is not namespace \
            or callee.__builtins__ is not builtins or callee.__code__.co_argcount != nargs:
        return None
    code = callee.__code__
    if code not in plans:
        plans[code] = None
        try:
            irfn = Builder(code, callee.__qualname__).build()
        except NotCompilable:
            return None
        for one_pass in (specialise_types, borrow_locals, forward_locals):
            one_pass.run(irfn, {})
        plan = clone_plan(irfn, code)
        if plan is not None:
            plans[code] = irfn, plan
    return plans[code]
