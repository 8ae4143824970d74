"""The IR verifier. It runs after the IR is built and, in tests and with HOTWIRE_VERIFY=1, after every
pass. Invariants, each checked below:

1. Every block ends with exactly one terminator, and terminators appear nowhere else.
2. Every operand is defined before its use in the same block, or is a parameter of that block:
   values cross blocks only as block arguments (the IR is SSA with block parameters).
3. A terminator passes exactly as many arguments to a target as the target has parameters, and
   each argument's representation (obj/i64/f64/bool) matches the parameter's.
4. Every value in a frame state (deopt or error) is defined before the op that carries it.
5. Ops that can raise carry an error state; ops that can deopt carry a deopt state.
6. Every obj value is consumed exactly once: by a stealing op, a DecRef, a store, a return, a deopt
   (which hands the stack to the interpreter), or as a block argument (a branch passing it to both targets counts once: only one edge is taken).
   Borrowing uses (guards, unboxing, list_append's list) do not consume.

On failure it raises VerifyError with the function's text and the broken invariant.
"""
from hotwire.ir import ops as ir
from hotwire.ir.printer import format_function

# Ops whose operands at these positions are consumed though the op does not `steal` all of them.
_CONSUMES = {
    ir.ListAppend: {1}, ir.SetAdd: {1}, ir.MapAdd: {1, 2}, ir.ContainerUpdate: {1},
    ir.DecRef: {0}, ir.Unpack: {0}, ir.ListSet: {2}, ir.LoadMethod: {0},
}


class VerifyError(Exception):
    pass


def _consumed_positions(op):
    if op.steals:
        return set(range(len(op.operands)))
    return _CONSUMES.get(type(op), set())


def verify(fn, when=""):
    errors = []
    uses = {}
    for block in fn.blocks:
        defined = set(block.params)
        for i, op in enumerate(block.ops):
            last = i == len(block.ops) - 1
            if op.is_terminator != last:
                errors.append(f"{op.name}: terminator must end its block (and only there)")
            for v in op.operands:
                if v not in defined:
                    errors.append(f"{op.name}: operand used before definition or across blocks")
            for state in (op.error_state, op.deopt_state):
                if state is not None and any(v not in defined for v in state.stack):
                    errors.append(f"{op.name}: frame state refers to an undefined value")
            if op.can_raise and op.error_state is None:
                errors.append(f"{op.name}: can raise but has no error state")
            if op.can_deopt and op.deopt_state is None:
                errors.append(f"{op.name}: can deopt but has no deopt state")
            for pos in _consumed_positions(op):
                if op.operands[pos].type == ir.OBJ:
                    uses.setdefault(op.operands[pos], []).append(op)
            if op.is_terminator:
                if len(op.args) != len(op.targets):
                    errors.append(f"{op.name}: {len(op.targets)} targets but {len(op.args)} argument lists")
                for target, args in zip(op.targets, op.args):
                    extra = 1 if isinstance(op, (ir.ForIter, ir.ForRange, ir.ForList)) and target is op.targets[0] else 0
                    if len(args) + extra != len(target.params):
                        errors.append(f"{op.name}: {len(args) + extra} arguments for {len(target.params)} parameters")
                    for a, p in zip(args, target.params):
                        if a not in defined:
                            errors.append(f"{op.name}: block argument not defined")
                        if a.type != p.type:
                            errors.append(f"{op.name}: argument of type {a.type} for a {p.type} parameter")
                # A value goes along each edge once; only one edge is taken, so the edge that passes
                # it most often is what counts (twice on one edge is a double consumption).
                per_edge = [list(args) for args in op.args]
                if isinstance(op, ir.Deopt) and op.deopt_state is not None:
                    per_edge.append(list(op.deopt_state.stack))
                counted = {}
                for edge in per_edge:
                    for a in {id(a): a for a in edge}.values():
                        counted[a] = max(counted.get(a, 0), edge.count(a))
                for a, n in counted.items():
                    if a.type == ir.OBJ:
                        uses.setdefault(a, []).extend([op] * n)
            defined.add(op)
        if block.terminator is None:
            errors.append(f"block @{block.offset} has no terminator")
    for block in fn.blocks:
        for v in list(block.params) + [o for o in block.ops if o.type == ir.OBJ]:
            if isinstance(v, (ir.MethodFunc, ir.MethodSelf, ir.UnpackItem, ir.BorrowLocal, ir.LoadMethod,
                              ir.Unpack)) or v.type != ir.OBJ:
                continue
            n = len(uses.get(v, []))
            if n != 1 and not (n == 0 and isinstance(v, ir.Null)):
                errors.append(f"value {v.name if isinstance(v, ir.Op) else 'param'} consumed {n} times")
    if errors:
        raise VerifyError(f"IR verification failed {when}:\n  " + "\n  ".join(errors) + "\n" + format_function(fn))
