"""CPython 3.12 bytecode -> SSA IR.

An abstract interpretation of the interpreter's value stack: each instruction pops IR values and pushes
the ops that compute them, so the IR has no stack. Where control flow merges, the values on the stack
become block parameters.

Only normal control flow is built. Exception handlers are never entered in compiled code: an op that
fails hands the frame to the interpreter with the exception set (see ops.py, `error_state`), and the
interpreter finds the handler in the exception table, so try/except/finally/with keep CPython's exact
semantics. An instruction this builder does not translate ends its block with a `Deopt`: the interpreter
runs the rest of that call. One handler per opcode, named `op_<OPNAME>`, in bytecode order of the docs.
"""
import dis

from hotwire.backend.symbol_recipes import KNOWN
from hotwire.frontend.attr_feedback import attr_feedback
from hotwire.frontend.bytecode import CODEUNIT, decode, stack_depths
from hotwire.ir import ops as ir
from hotwire.ir.function import Function

# The code flags that make a code object something other than a plain function body.
_GENERATOR_FLAGS = {0x20: "generator", 0x80: "coroutine", 0x100: "iterable coroutine",
                    0x200: "async generator"}

_BLOCK_ENDERS = {"RETURN_VALUE", "RETURN_CONST", "RAISE_VARARGS", "RERAISE", "JUMP_FORWARD",
                 "JUMP_BACKWARD", "JUMP_BACKWARD_NO_INTERRUPT"}
_BRANCHES = {"POP_JUMP_IF_FALSE", "POP_JUMP_IF_TRUE", "POP_JUMP_IF_NONE", "POP_JUMP_IF_NOT_NONE",
             "FOR_ITER"}

# CALL_INTRINSIC_1 operands this builder translates (Include/internal/pycore_intrinsics.h).
_INTRINSIC_UNARY_POSITIVE = 5
_INTRINSIC_LIST_TO_TUPLE = 6


class NotCompilable(Exception):
    """The whole function stays in the interpreter; the message says why (shown by explain())."""


def rejection_reason(code):
    for flag, what in _GENERATOR_FLAGS.items():
        if code.co_flags & flag:
            return f"it is a {what} function (generators and coroutines stay in the interpreter)"
    return None


class Builder:
    """`line_entries`: also start a block at every line whose first instruction has an empty stack,
    reachable or not from the start, for code entered at a line (runtime/module_entry.py)."""

    def __init__(self, code, name=None, line_entries=False):
        reason = rejection_reason(code)
        if reason:
            raise NotCompilable(reason)
        self.code = code
        self.bc = decode(code)
        self.fn = Function(code, name or code.co_qualname)
        self.fn.bytecode = self.bc
        self.blocks = {}          # instruction offset -> Block
        self.entry_depth = {}     # instruction offset -> stack depth on entry
        self.worklist = []
        self.leaders = self._find_leaders()
        self.fn.line_entries = self._line_starts_with_empty_stack() if line_entries else []
        self.leaders.update(self.fn.line_entries)

    # ---- control flow --------------------------------------------------------------------------------

    def _find_leaders(self):
        leaders = {0}
        instrs = self.bc.instrs
        for i, ins in enumerate(instrs):
            if ins.jump_target is not None:
                target = self.bc.at(ins.jump_target).offset
                if ins.opname == "FOR_ITER":
                    target = self.bc.at(ins.jump_target).next_offset  # exhaustion skips END_FOR
                leaders.add(target)
            if (ins.opname in _BLOCK_ENDERS or ins.opname in _BRANCHES) and i + 1 < len(instrs):
                leaders.add(instrs[i + 1].offset)
        return leaders

    def _line_starts_with_empty_stack(self):
        """The offsets where a line begins with nothing on the value stack (and no EXTENDED_ARG
        prefix: the LINE event names the prefix's offset), except the first instruction."""
        depths = stack_depths(self.bc)
        starts = []
        for offset, _line in dis.findlinestarts(self.code):
            ins = self.bc.by_offset.get(offset)
            if offset and ins is not None and ins.start == ins.offset and depths.get(offset) == 0:
                starts.append(offset)
        return starts

    def block_for(self, offset, stack):
        """The block starting at `offset`, created (with one parameter per stack value) on first use."""
        block = self.blocks.get(offset)
        if block is None:
            block = self.fn.new_block(offset)
            for v in stack:
                block.add_param(v.type, v.maybe_null)
            self.blocks[offset] = block
            self.entry_depth[offset] = len(stack)
            self.worklist.append(block)
        else:
            if self.entry_depth[offset] != len(stack):
                raise NotCompilable(f"inconsistent stack depth at offset {offset}")
            for p, v in zip(block.params, stack):
                p.maybe_null = p.maybe_null or v.maybe_null
        return block

    def build(self):
        self.block_for(0, [])
        self._drain()
        # Loop headers the start does not reach (an untranslated instruction before the loop, say
        # `import` in module code) are still entered by on-stack replacement, with the values on
        # the stack there as the header's parameters.
        depths = None
        for ins in self.bc.instrs:
            if ins.opname == "JUMP_BACKWARD" and self.bc.at(ins.jump_target).offset not in self.blocks:
                depths = depths or stack_depths(self.bc)
                header = self.bc.at(ins.jump_target).offset
                if header in depths:
                    self.block_for(header, [ir.Placeholder() for _ in range(depths[header])])
                    self._drain()
        for offset in self.fn.line_entries:   # entered at a LINE event (depth 0: no parameters)
            if offset not in self.blocks:
                self.block_for(offset, [])
                self._drain()
        self.fn.blocks.sort(key=lambda b: b.offset)
        return self.fn

    def _drain(self):
        while self.worklist:
            self.build_block(self.worklist.pop())

    def build_block(self, block):
        self.block = block
        self.stack = list(block.params)
        self.kwnames = None
        index = self.bc.instrs.index(self.bc.at(block.offset))
        for ins in self.bc.instrs[index:]:
            if ins.offset != block.offset and ins.offset in self.leaders:
                self.jump_to(ins.offset)
                return
            self.ins = ins
            self._stack_before = list(self.stack)   # deopt states re-execute from here
            if ins.offset == block.offset and ins.offset in self.fn.line_entries:
                self.emit(ir.CheckMonitoring())
            handler = getattr(self, "op_" + ins.opname, None)
            if handler is None:
                self.deopt(f"{ins.opname} is not compiled")
                return
            handler(ins)
            if block.terminator is not None:
                return
        raise NotCompilable("control flow runs off the end of the bytecode")

    # ---- helpers -----------------------------------------------------------------------------------

    def emit(self, op):
        op.line = self.ins.line
        if op.can_raise:
            op.error_state = ir.FrameState(self.ins.offset, list(self.stack))
        if op.can_deopt:
            op.deopt_state = ir.FrameState(self.ins.start, list(self._stack_before))
        return self.block.append(op)

    def pop(self, n=None):
        if n is None:
            return self.stack.pop()
        if n == 0:
            return []
        vals = self.stack[-n:]
        del self.stack[-n:]
        return vals

    def push(self, v):
        self.stack.append(v)
        return v

    def jump_to(self, offset):
        target = self.block_for(offset, self.stack)
        self.emit(ir.Jump(targets=[target], args=[list(self.stack)]))

    def deopt(self, reason):
        self._stack_before = list(self.stack)
        self.emit(ir.Deopt(reason=reason))
        self.fn.notes.append(f"line {self.ins.line}: {reason}; the interpreter runs the rest of the call")

    def const(self, value):
        return self.emit(ir.LoadConst(value=value))

    def name(self, index):
        return self.code.co_names[index]

    # ---- stack manipulation ----------------------------------------------------------------------

    def op_NOP(self, ins): pass
    def op_RESUME(self, ins): pass

    def op_POP_TOP(self, ins):
        v = self.pop()
        self.emit(ir.DecRef(v))

    def op_END_FOR(self, ins):
        self.op_POP_TOP(ins)
        self.op_POP_TOP(ins)

    def op_PUSH_NULL(self, ins):
        self.push(self.emit(ir.Null()))

    def op_COPY(self, ins):
        self.push(self.emit(ir.Dup(self.stack[-ins.arg])))

    def op_SWAP(self, ins):
        s = self.stack
        s[-1], s[-ins.arg] = s[-ins.arg], s[-1]

    # ---- constants and variables --------------------------------------------------------------

    def op_LOAD_CONST(self, ins):
        self.push(self.const(ins.argval))

    def op_RETURN_CONST(self, ins):
        self.emit(ir.Return(self.const(ins.argval), offset=ins.offset, value_on_stack=False))

    def op_RETURN_VALUE(self, ins):
        self.emit(ir.Return(self.pop(), offset=ins.offset, value_on_stack=True))

    def op_LOAD_FAST(self, ins):
        self.push(self.emit(ir.LoadLocal(index=ins.arg, checked=False)))

    op_LOAD_CLOSURE = op_LOAD_FAST

    def op_LOAD_FAST_CHECK(self, ins):
        self.push(self.emit(ir.LoadLocal(index=ins.arg, checked=True)))

    def op_LOAD_FAST_AND_CLEAR(self, ins):
        self.push(self.emit(ir.TakeLocal(index=ins.arg)))

    def op_STORE_FAST(self, ins):
        self.emit(ir.StoreLocal(self.pop(), index=ins.arg))

    def op_DELETE_FAST(self, ins):
        self.emit(ir.DeleteLocal(index=ins.arg))

    def op_LOAD_GLOBAL(self, ins):
        if ins.arg & 1:
            self.push(self.emit(ir.Null()))
        self.push(self.emit(ir.LoadGlobal(symbol=self.name(ins.arg >> 1))))

    def op_STORE_GLOBAL(self, ins):
        self.emit(ir.StoreGlobal(self.pop(), symbol=self.name(ins.arg)))

    def op_LOAD_NAME(self, ins):
        self.push(self.emit(ir.LoadName(symbol=self.name(ins.arg))))

    def op_STORE_NAME(self, ins):
        self.emit(ir.StoreName(self.pop(), symbol=self.name(ins.arg)))

    def op_DELETE_GLOBAL(self, ins):
        self.emit(ir.DeleteGlobal(symbol=self.name(ins.arg)))

    def op_LOAD_DEREF(self, ins):
        self.push(self.emit(ir.LoadDeref(index=ins.arg)))

    def op_STORE_DEREF(self, ins):
        self.emit(ir.StoreDeref(self.pop(), index=ins.arg))

    def op_MAKE_CELL(self, ins):
        self.emit(ir.MakeCell(index=ins.arg))

    def op_COPY_FREE_VARS(self, ins):
        self.emit(ir.CopyFreeVars(count=ins.arg))

    def op_LOAD_ASSERTION_ERROR(self, ins):
        # The interpreter's own class, whatever `builtins.AssertionError` is now.
        self.push(self.const(KNOWN["AssertionError"]))

    # ---- operators -----------------------------------------------------------------------------

    def op_BINARY_OP(self, ins):
        b = self.pop()
        a = self.pop()
        self.push(self.emit(ir.BinaryOp(a, b, oper=ins.arg)))

    def op_COMPARE_OP(self, ins):
        b = self.pop()
        a = self.pop()
        self.push(self.emit(ir.Compare(a, b, oper=ins.arg >> 4)))

    def op_UNARY_NEGATIVE(self, ins):
        self.push(self.emit(ir.Unary(self.pop(), oper="neg")))

    def op_UNARY_INVERT(self, ins):
        self.push(self.emit(ir.Unary(self.pop(), oper="invert")))

    def op_UNARY_NOT(self, ins):
        truth = self.emit(ir.Truthy(self.pop()))
        self.push(self.emit(ir.BoxBool(self.emit(ir.Not(truth)))))

    def op_IS_OP(self, ins):
        b = self.pop()
        a = self.pop()
        self.push(self.emit(ir.BoxBool(self.emit(ir.Is(a, b, invert=bool(ins.arg))))))

    def op_CONTAINS_OP(self, ins):
        b = self.pop()
        a = self.pop()
        self.push(self.emit(ir.BoxBool(self.emit(ir.Contains(a, b, invert=bool(ins.arg))))))

    # ---- attributes and subscripts ------------------------------------------------------------

    def op_LOAD_ATTR(self, ins):
        owner = self.pop()
        name = self.name(ins.arg >> 1)
        feedback = attr_feedback(ins)
        if ins.arg & 1:
            pair = self.emit(ir.LoadMethod(owner, symbol=name, feedback=feedback))
            self.push(self.emit(ir.MethodFunc(pair)))
            self.push(self.emit(ir.MethodSelf(pair)))
        else:
            self.push(self.emit(ir.GetAttr(owner, symbol=name, feedback=feedback)))

    def op_LOAD_SUPER_ATTR(self, ins):
        self_ = self.pop()
        class_ = self.pop()
        global_super = self.pop()
        if ins.arg & 1:   # a method load: NULL, then the bound attribute (CALL handles both forms)
            self.push(self.emit(ir.Null()))
        self.push(self.emit(ir.LoadSuperAttr(global_super, class_, self_, symbol=self.name(ins.arg >> 2),
                                             nargs=ins.arg & 2)))

    def op_STORE_ATTR(self, ins):
        owner = self.pop()
        value = self.pop()
        self.emit(ir.SetAttr(owner, value, symbol=self.name(ins.arg), feedback=attr_feedback(ins)))

    def op_DELETE_ATTR(self, ins):
        self.emit(ir.DelAttr(self.pop(), symbol=self.name(ins.arg)))

    def op_BINARY_SUBSCR(self, ins):
        key = self.pop()
        container = self.pop()
        self.push(self.emit(ir.GetItem(container, key)))

    def op_STORE_SUBSCR(self, ins):
        key = self.pop()
        container = self.pop()
        value = self.pop()
        self.emit(ir.SetItem(container, key, value))

    def op_DELETE_SUBSCR(self, ins):
        key = self.pop()
        container = self.pop()
        self.emit(ir.DelItem(container, key))

    def op_BUILD_SLICE(self, ins):
        parts = self.pop(ins.arg)
        if len(parts) == 2:
            parts.append(self.const(None))
        self.push(self.emit(ir.BuildSlice(*parts)))

    def op_BINARY_SLICE(self, ins):
        stop = self.pop()
        start = self.pop()
        container = self.pop()
        s = self.emit(ir.BuildSlice(start, stop, self.const(None)))
        self.push(self.emit(ir.GetItem(container, s)))

    def op_STORE_SLICE(self, ins):
        stop = self.pop()
        start = self.pop()
        container = self.pop()
        value = self.pop()
        s = self.emit(ir.BuildSlice(start, stop, self.const(None)))
        self.emit(ir.SetItem(container, s, value))

    # ---- calls and functions --------------------------------------------------------------------

    def op_KW_NAMES(self, ins):
        self.kwnames = self.code.co_consts[ins.arg]

    def op_CALL(self, ins):
        args = self.pop(ins.arg)
        callable_ = self.pop()
        method = self.pop()
        call = ir.Call(method, callable_, *args, kwnames=self.kwnames)
        self.kwnames = None
        self.push(self.emit(call))

    def op_CALL_FUNCTION_EX(self, ins):
        kwargs = self.pop() if ins.arg & 1 else self.emit(ir.Null())
        args = self.pop()
        func = self.pop()
        unused = self.pop()
        self.push(self.emit(ir.CallEx(unused, func, args, kwargs)))

    def op_CALL_INTRINSIC_1(self, ins):
        if ins.arg == _INTRINSIC_LIST_TO_TUPLE:
            self.push(self.emit(ir.ListToTuple(self.pop())))
        elif ins.arg == _INTRINSIC_UNARY_POSITIVE:
            self.push(self.emit(ir.Unary(self.pop(), oper="pos")))
        else:
            self.deopt(f"CALL_INTRINSIC_1 {ins.argval} is not compiled")

    def op_MAKE_FUNCTION(self, ins):
        code = self.pop()
        extras = [self.pop() for flag in (8, 4, 2, 1) if ins.arg & flag]
        extras.reverse()
        self.push(self.emit(ir.MakeFunction(code, *extras, flags=ins.arg)))

    # ---- building and unpacking ----------------------------------------------------------------

    def op_BUILD_TUPLE(self, ins):
        self.push(self.emit(ir.BuildTuple(*self.pop(ins.arg))))

    def op_BUILD_LIST(self, ins):
        self.push(self.emit(ir.BuildList(*self.pop(ins.arg))))

    def op_BUILD_SET(self, ins):
        self.push(self.emit(ir.BuildSet(*self.pop(ins.arg))))

    def op_BUILD_MAP(self, ins):
        self.push(self.emit(ir.BuildMap(*self.pop(2 * ins.arg))))

    def op_BUILD_CONST_KEY_MAP(self, ins):
        self.push(self.emit(ir.BuildConstKeyMap(*self.pop(ins.arg + 1))))

    def op_BUILD_STRING(self, ins):
        self.push(self.emit(ir.BuildString(*self.pop(ins.arg))))

    def op_LIST_APPEND(self, ins):
        item = self.pop()
        self.emit(ir.ListAppend(self.stack[-ins.arg], item))

    def op_SET_ADD(self, ins):
        item = self.pop()
        self.emit(ir.SetAdd(self.stack[-ins.arg], item))

    def op_MAP_ADD(self, ins):
        value = self.pop()
        key = self.pop()
        self.emit(ir.MapAdd(self.stack[-ins.arg], key, value))

    def _update(self, ins, kind):
        item = self.pop()
        self.emit(ir.ContainerUpdate(self.stack[-ins.arg], item, kind=kind))

    def op_LIST_EXTEND(self, ins): self._update(ins, "list_extend")
    def op_SET_UPDATE(self, ins): self._update(ins, "set_update")
    def op_DICT_UPDATE(self, ins): self._update(ins, "dict_update")
    def op_DICT_MERGE(self, ins): self._update(ins, "dict_merge")

    def op_UNPACK_SEQUENCE(self, ins):
        seq = self.pop()
        unpack = self.emit(ir.Unpack(seq, count=ins.arg, before=ins.arg, after=-1))
        items = [self.emit(ir.UnpackItem(unpack, index=i)) for i in range(ins.arg)]
        for v in reversed(items):
            self.push(v)

    def op_UNPACK_EX(self, ins):
        before, after = ins.arg & 0xFF, ins.arg >> 8
        seq = self.pop()
        unpack = self.emit(ir.Unpack(seq, count=before + after + 1, before=before, after=after))
        items = [self.emit(ir.UnpackItem(unpack, index=i)) for i in range(before + after + 1)]
        for v in reversed(items):
            self.push(v)

    def op_FORMAT_VALUE(self, ins):
        spec = self.pop() if ins.arg & 4 else self.emit(ir.Null())
        value = self.pop()
        self.push(self.emit(ir.Format(value, spec, conversion=ins.arg & 3)))

    # ---- control flow ----------------------------------------------------------------------------

    def _branch(self, cond, if_true, if_false):
        t = self.block_for(if_true, self.stack)
        f = self.block_for(if_false, self.stack)
        self.emit(ir.Branch(cond, targets=[t, f], args=[list(self.stack), list(self.stack)]))

    def _target(self, ins):
        return self.bc.at(ins.jump_target).offset

    def op_POP_JUMP_IF_FALSE(self, ins):
        cond = self.emit(ir.Truthy(self.pop()))
        self._branch(cond, ins.next_offset, self._target(ins))

    def op_POP_JUMP_IF_TRUE(self, ins):
        cond = self.emit(ir.Truthy(self.pop()))
        self._branch(cond, self._target(ins), ins.next_offset)

    def op_POP_JUMP_IF_NONE(self, ins):
        cond = self.emit(ir.Is(self.pop(), self.const(None), invert=False))
        self._branch(cond, self._target(ins), ins.next_offset)

    def op_POP_JUMP_IF_NOT_NONE(self, ins):
        cond = self.emit(ir.Is(self.pop(), self.const(None), invert=True))
        self._branch(cond, self._target(ins), ins.next_offset)

    def op_JUMP_FORWARD(self, ins):
        self.jump_to(self._target(ins))

    def op_JUMP_BACKWARD(self, ins):
        self.emit(ir.CheckEvalBreaker())
        self.jump_to(self._target(ins))

    def op_JUMP_BACKWARD_NO_INTERRUPT(self, ins):
        self.jump_to(self._target(ins))

    def op_GET_ITER(self, ins):
        self.push(self.emit(ir.GetIter(self.pop())))

    def op_FOR_ITER(self, ins):
        it = self.stack[-1]
        exhausted_at = self.bc.at(ins.jump_target).next_offset
        op = ir.ForIter(it)
        # The error state excludes the iterator: the handler of an enclosing try is below it.
        self.stack.pop()
        op.error_state = ir.FrameState(ins.offset, list(self.stack))
        exit_block = self.block_for(exhausted_at, self.stack)
        self.stack.append(it)
        body_stack = self.stack + [ir.Placeholder()]
        body = self.block_for(ins.next_offset, body_stack)
        op.targets = [body, exit_block]
        op.args = [list(self.stack), list(self.stack[:-1])]
        op.line = ins.line
        op.deopt_state = ir.FrameState(ins.start, list(self.stack))
        self.block.append(op)


def build(func_or_code):
    """Build the IR of a function (or code object)."""
    code = getattr(func_or_code, "__code__", func_or_code)
    return Builder(code, getattr(func_or_code, "__qualname__", None)).build()


def disassemble(code):
    return dis.Bytecode(code).dis()


__all__ = ["build", "Builder", "NotCompilable", "rejection_reason", "CODEUNIT"]
