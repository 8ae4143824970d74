"""Type specialisation from feedback: generic object ops become guarded unboxed int64/double ops.

Where the types come from, in order of trust:
  1. static facts: a value made by a box op (box_float, box_int) or a float/int constant;
  2. CPython's own quickened instructions (tier 0 feedback): BINARY_OP_ADD_FLOAT, COMPARE_OP_INT,
     BINARY_SUBSCR_LIST_INT, FOR_ITER_RANGE ... read at each instruction's offset;
  3. hints for locals: a local that some specialised instruction saw as an int/float (or an argument
     type given by the first call) is guessed to have that type at its other uses too;
  4. for + - * / with no feedback at all, a local of unknown type next to a known float is guessed to
     be a float too.
A guessed type is always guarded (guard_type deopts back to the interpreter at that instruction). An
operand that is already a box made in this function is used unboxed and its box disappears; frame states
that mentioned the box now mention the unboxed value, which a deopt boxes again.
"""
from hotwire.ir import ops as ir
from hotwire.ir.edit import insert_before, remove, replace_uses, stack_before

_ARITH = {0: "+", 10: "-", 5: "*", 11: "/", 2: "//", 6: "%", 1: "&", 7: "|", 12: "^", 3: "<<", 9: ">>",
          8: "**"}
_FLOAT_OPS = {"+", "-", "*", "/", "**"}
_INT_OPS = {"+", "-", "*", "//", "%", "&", "|", "^", "<<", ">>", "/"}
_FEEDBACK_TYPES = {"INT": int, "FLOAT": float}
_MAX_EXACT_DOUBLE_INT = 1 << 53


def _feedback(bc, op):
    state = op.error_state or op.deopt_state
    if state is None or state.offset not in bc.by_offset:
        return ""
    return bc.at(state.offset).specialised


class Specialiser:
    def __init__(self, fn, ctx):
        self.fn = fn
        self.bc = fn.bytecode
        self.local_hints = dict(ctx.get("arg_types") or {})
        self.changed = False
        self._collect_local_hints()
        # Locals the function sets to an int constant (`total = 0`) and may then make floats of.
        self.int_start_locals = {op.index for op in fn.all_ops()
                                 if isinstance(op, ir.StoreLocal) and isinstance(op.operands[0], ir.LoadConst)
                                 and type(op.operands[0].value) is int}

    def _collect_local_hints(self):
        for op in self.fn.all_ops():
            name = _feedback(self.bc, op)
            for suffix, t in _FEEDBACK_TYPES.items():
                if isinstance(op, (ir.BinaryOp, ir.Compare)) and name.endswith("_" + suffix):
                    for v in op.operands:
                        if isinstance(v, ir.LoadLocal):
                            self.local_hints.setdefault(v.index, t)

    # ---- what we know about a value -------------------------------------------------------------

    def static_type(self, v):
        if isinstance(v, ir.BoxFloat) or v.type == ir.F64:
            return float
        if isinstance(v, ir.BoxInt) or v.type == ir.I64:
            return int
        if isinstance(v, ir.LoadConst) and type(v.value) in (int, float):
            if type(v.value) is int and not -(1 << 62) < v.value < (1 << 62):
                return None
            return type(v.value)
        return None

    def guessed_type(self, v, feedback_type):
        t = self.static_type(v)
        if t is not None:
            return t
        if feedback_type is not None:
            return feedback_type
        if isinstance(v, ir.LoadLocal):
            return self.local_hints.get(v.index)
        return None

    def unboxed(self, v, t, anchor, deopt_state, releases, int_too=False):
        """An unboxed (t) version of obj value v, emitting guards before `anchor` as needed.
        Values that still need releasing after the operation are appended to `releases`.
        `int_too`: a small exact int is converted rather than deopted on (may_start_as_int)."""
        block = anchor.block
        if v.type in (ir.I64, ir.F64):
            return self.convert(v, t, anchor)
        # A box or constant another op also uses (e.g. a COPY) stays; we read it and release ours.
        shared = self.used_elsewhere(v, anchor)
        if isinstance(v, (ir.BoxFloat, ir.BoxInt)) and v.block is block:
            inner = v.operands[0]
            if shared:
                releases.append(v)
            else:
                remove(block, v)
                self.replace(v, inner, deopt_state)
            return self.convert(inner, t, anchor)
        if isinstance(v, ir.Dup) and isinstance(v.operands[0], ir.LoadConst) \
                and type(v.operands[0].value) is t and self.static_type(v.operands[0]) is t:
            # A copy of a constant (`v[0] -= x` copies the index): the constant's value, no guard.
            c = ir.F64Const(value=v.operands[0].value) if t is float else ir.I64Const(value=v.operands[0].value)
            insert_before(block, block.ops[0], [c])
            releases.append(v)
            return c
        if isinstance(v, ir.LoadConst) and type(v.value) in (int, float):
            c = ir.F64Const(value=float(v.value)) if t is float else ir.I64Const(value=v.value)
            insert_before(block, block.ops[0], [c])  # defined before any guard that mentions it
            if shared:
                releases.append(v)
            else:
                remove(block, v)
                self.replace(v, c, deopt_state)
            return c
        if t is float and int_too:
            unbox = ir.UnboxAsFloat(v, deopt_state=deopt_state)
            insert_before(block, anchor, [unbox])
            releases.append(v)
            return unbox
        guard = ir.GuardType(v, pytype=t)
        guard.deopt_state = deopt_state
        unbox = ir.UnboxFloat(v) if t is float else ir.UnboxInt(v)
        if t is int:
            unbox.deopt_state = deopt_state
        insert_before(block, anchor, [guard, unbox])
        releases.append(v)
        return unbox

    def may_start_as_int(self, v):
        return isinstance(v, ir.LoadLocal) and v.index in self.int_start_locals

    def mixed_operands(self, a, ta, b, tb):
        """Which operand of a float operation may be a small int, converted (unbox_as_float) rather
        than deopted on: a local set to an int constant somewhere in the function, met with a value
        that is surely a float (statically, or by its own float guard). `partial_sum = 0` then
        `partial_sum += x * y`, or `best = -1` then `if score > best`, meet an int at the first
        iteration only; a deopt there sent the rest of every call to the interpreter. At most one
        operand: two converted ints would make an int operation a float one."""
        def surely_float(v, t):
            return self.static_type(v) is float or (t is float and not self.may_start_as_int(v))
        if self.may_start_as_int(a) and surely_float(b, tb):
            return True, False
        return False, self.may_start_as_int(b) and surely_float(a, ta)

    def used_elsewhere(self, v, user):
        for op in self.fn.all_ops():
            if op is not user and (v in op.operands or (op.is_terminator and any(v in a for a in op.args))):
                return True
        return False

    def replace(self, old, new, pending_state):
        """replace_uses, also in the frame state of ops not inserted yet."""
        replace_uses(self.fn, old, new)
        pending_state.stack = [new if v is old else v for v in pending_state.stack]

    def convert(self, v, t, anchor):
        if t is float and v.type == ir.I64:
            c = ir.IntToFloat(v)
            insert_before(anchor.block, anchor, [c])
            return c
        return v

    # ---- rewrites ---------------------------------------------------------------------------------

    def finish(self, op, result, releases, box):
        """Replace `op` by `result`, release borrowed operands, box the result for its consumers."""
        block = op.block
        tail = [ir.DecRef(v) for v in releases]
        boxed = None
        if box is not None:
            boxed = box(result)
            boxed.error_state = op.error_state
            tail.append(boxed)
        insert_before(block, op, [result] + tail)
        remove(block, op)
        if boxed is not None:
            replace_uses(self.fn, op, boxed)
        self.changed = True

    def binary(self, op):
        oper = _ARITH.get(op.oper % 13)
        if oper is None:
            return
        feedback = _feedback(self.bc, op)
        fb_type = next((t for s, t in _FEEDBACK_TYPES.items() if feedback.endswith("_" + s)), None)
        a, b = op.operands
        ta, tb = self.guessed_type(a, fb_type), self.guessed_type(b, fb_type)
        guessed = None
        if fb_type is None and oper in ("+", "-", "*", "/") and float in (ta, tb) and None in (ta, tb) \
                and isinstance(a if ta is None else b, ir.LoadLocal):
            # No feedback (the instruction saw mixed types while warming up, say an int 0 then
            # floats): a local met with a known float is most likely a float too, or a small int
            # (`total += k * 0.5 + j` with an int j), which is converted exactly rather than deopted on.
            guessed = a if ta is None else b
            ta, tb = ta or float, tb or float
        if ta not in (int, float) or tb not in (int, float):
            return
        state = stack_before(op)
        releases = []
        if ta is int and tb is int and oper not in ("/", "**"):
            x = self.unboxed(a, int, op, state, releases)
            y = self.unboxed(b, int, op, state, releases)
            self.finish(op, ir.IntOp(x, y, oper=oper, deopt_state=state), releases, ir.BoxInt)
            return
        if oper not in _FLOAT_OPS:
            return
        if ta is int and tb is int:
            return  # int / int and int ** int: left generic (exact results are the interpreter's)
        a_mixed, b_mixed = self.mixed_operands(a, ta, b, tb)
        if guessed is not None and not (a_mixed or b_mixed):
            a_mixed, b_mixed = guessed is a, guessed is b
        x = self.unboxed(a, ta, op, state, releases, int_too=a_mixed)
        y = self.unboxed(b, tb, op, state, releases, int_too=b_mixed)
        x, y = self.convert(x, float, op), self.convert(y, float, op)
        if oper == "/":
            result = ir.FloatDiv(x, y, deopt_state=state)
        elif oper == "**":
            result = ir.FloatPow(x, y, deopt_state=state)
        else:
            result = ir.FloatOp(x, y, oper=oper)
        self.finish(op, result, releases, ir.BoxFloat)

    def compare(self, op):
        if op.oper not in range(6):
            return
        feedback = _feedback(self.bc, op)
        fb_type = next((t for s, t in _FEEDBACK_TYPES.items() if feedback.endswith("_" + s)), None)
        a, b = op.operands
        ta, tb = self.guessed_type(a, fb_type), self.guessed_type(b, fb_type)
        if ta is None or ta != tb or ta not in (int, float):
            return  # mixed int/float comparisons are exact in Python: left generic
        state = stack_before(op)
        releases = []
        a_mixed, b_mixed = self.mixed_operands(a, ta, b, tb) if ta is float else (False, False)
        x = self.unboxed(a, ta, op, state, releases, int_too=a_mixed)
        y = self.unboxed(b, tb, op, state, releases, int_too=b_mixed)
        cmp = ir.FloatCompare(x, y, oper=op.oper) if ta is float else ir.IntCompare(x, y, oper=op.oper)
        self.finish(op, cmp, releases, ir.BoxBool)

    def unary(self, op):
        """-x for an int or float (ints through 0 - x, whose overflow deopts)."""
        if op.oper != "neg":
            return
        v = op.operands[0]
        t = self.guessed_type(v, None)
        if t not in (int, float):
            return
        state = stack_before(op)
        releases = []
        x = self.unboxed(v, t, op, state, releases)
        if t is float:
            self.finish(op, ir.FloatNeg(x), releases, ir.BoxFloat)
        else:
            zero = ir.I64Const(value=0)
            insert_before(op.block, op.block.ops[0], [zero])
            self.finish(op, ir.IntOp(zero, x, oper="-", deopt_state=state), releases, ir.BoxInt)

    def truthy(self, op):
        v = op.operands[0]
        if isinstance(v, ir.BoxBool) and v.block is op.block:
            remove(op.block, v)
            replace_uses(self.fn, op, v.operands[0])
            replace_uses(self.fn, v, v.operands[0])
            remove(op.block, op)
            self.changed = True

    def store_local(self, op):
        """A box stored into a local: the slot's own object is reused when it can be (store_local_f64,
        store_local_i64), so that a loop counting or summing into a local allocates nothing."""
        v = op.operands[0]
        kinds = {ir.BoxFloat: ir.StoreLocalF64, ir.BoxInt: ir.StoreLocalI64}
        if type(v) in kinds and v.block is op.block:
            store = kinds[type(v)](v.operands[0], index=op.index)
            store.error_state = v.error_state if store.can_raise else None
            remove(op.block, v)
            replace_uses(self.fn, v, v.operands[0])
            insert_before(op.block, op, [store])
            remove(op.block, op)
            self.changed = True

    def subscript(self, op):
        feedback = _feedback(self.bc, op)
        kinds = {"BINARY_SUBSCR_LIST_INT": (list, ir.ListGet), "BINARY_SUBSCR_TUPLE_INT": (tuple, ir.TupleGet),
                 "STORE_SUBSCR_LIST_INT": (list, ir.ListSet)}
        if feedback not in kinds:
            return
        seq_type, cls = kinds[feedback]
        if isinstance(op, ir.SetItem):
            container, key, value = op.operands
        else:
            container, key = op.operands
        state = stack_before(op)
        guard = ir.GuardType(container, pytype=seq_type, deopt_state=state)
        insert_before(op.block, op, [guard])
        releases = []
        index = self.unboxed(key, int, op, state, releases)
        if isinstance(op, ir.SetItem) and isinstance(value, ir.BoxFloat) and value.block is op.block \
                and not self.used_elsewhere(value, op):
            remove(op.block, value)
            self.replace(value, value.operands[0], state)
            new = ir.ListSetF64(container, index, value.operands[0], deopt_state=state)
        elif isinstance(op, ir.SetItem):
            new = cls(container, index, value, deopt_state=state)
        else:
            new = cls(container, index, deopt_state=state)
        box = None
        self.finish(op, new, releases + [container], box)
        if not isinstance(op, ir.SetItem):
            replace_uses(self.fn, op, new)

    def for_iter(self, op):
        feedback = _feedback(self.bc, op)
        cls = {"FOR_ITER_RANGE": ir.ForRange, "FOR_ITER_LIST": ir.ForList}.get(feedback)
        if cls is None:
            return
        new = cls(*op.operands, targets=op.targets, args=op.args)
        new.deopt_state, new.error_state, new.line = op.deopt_state, op.error_state, op.line
        block = op.block
        block.ops[-1] = new
        new.block = block
        if cls is ir.ForRange:
            body = op.targets[0]
            param = body.params[-1]
            param.type = ir.I64
            boxed = ir.BoxInt(param)
            boxed.error_state = ir.FrameState(op.error_state.offset, list(body.params[:-1]))
            replace_uses(self.fn, param, boxed)
            boxed.operands = [param]
            body.ops.insert(0, boxed)
            boxed.block = body
        self.changed = True

    def run(self):
        handlers = {ir.BinaryOp: self.binary, ir.Compare: self.compare, ir.Truthy: self.truthy,
                    ir.Unary: self.unary,
                    ir.StoreLocal: self.store_local, ir.GetItem: self.subscript, ir.SetItem: self.subscript,
                    ir.ForIter: self.for_iter}
        for block in self.fn.blocks:
            for op in list(block.ops):
                handler = handlers.get(type(op))
                if handler is not None and op.block is block and op in block.ops:
                    handler(op)
        return self.changed


def run(fn, ctx):
    return Specialiser(fn, ctx).run()
