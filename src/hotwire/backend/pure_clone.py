"""A frameless int64 clone of self-recursive integer functions (fib, tak, ackermann...).

Why: a call through the frame ABI pushes a real interpreter frame, binds boxed arguments and boxes the
result, which costs far more than the arithmetic of a function like fib. Yet such a function, when its
arguments are small ints, does nothing anyone can observe until it returns: no Python code runs, no
object is allocated, no global changes. So a second LLVM function is made from the same IR, taking and
returning int64 with no frame at all, calling itself directly; the compiled entry tries it first.

It must never change what the program sees, so it only *tries*: the moment anything leaves the int64
world (an overflow, a division by zero, recursion deeper than the interpreter would allow, a pending
signal or GIL request, an instruction the compiled code would deopt on), the whole clone gives up and the
call starts again from its first instruction in the normal compiled code, which gives CPython's exact
result, exception and traceback. Starting again is exact because nothing the clone did was visible.
Giving up costs the work done so far, so a unit whose clone gave up `GIVE_UP_LIMIT` times stops trying
(a pending signal does not count: it is not the function's fault).

`clone_plan` decides from the IR after the passes whether a function qualifies: positional parameters
only, never assigned; every value an int (or a truth value for branching); the only call a call of the
global name the function is bound to, with exactly its parameters. The entry checks at run time that
the name still denotes this very function (code, globals and builtins), as the direct self-call does.
"""
import ctypes

from llvmlite import ir

from hotwire.backend.capi import I1, I32, I64, PTR
from hotwire.backend.layout312 import PYLONG_NON_SIZE_BITS, off
from hotwire.backend.lower_unboxed import UnboxedOps
from hotwire.ir import ops as irops

GIVE_UP_LIMIT = 8
MAX_DEPTH = 10000     # the clone uses the C stack: a bound well below any thread's stack size
_INT_BINARY = {0: "+", 10: "-", 5: "*", 2: "//", 6: "%", 1: "&", 7: "|", 12: "^", 3: "<<", 9: ">>"}
_INT64 = range(-(1 << 63), 1 << 63)

INT, BOOL, NULL, SELF = "int", "bool", "null", "self"

_interpreter_state = ctypes.pythonapi.PyInterpreterState_Get
_interpreter_state.restype = ctypes.c_void_p


def clone_plan(irfn, code):
    """The kind (INT, BOOL, NULL, SELF) of every value of `irfn` in the clone, or None when the
    function does not qualify."""
    if code.co_flags & 0x0C or code.co_kwonlyargcount or code.co_cellvars or code.co_freevars:
        return None
    params = range(code.co_argcount)
    kinds = {}
    names = set()
    for _ in range(3):  # block parameters take the kinds of the values jumped with; few rounds settle
        for blk in irfn.blocks:
            for op in blk.ops:
                kind = _kind_of(op, kinds, params, names)
                if kind is False:
                    return None
                if kind is not None:
                    kinds[op] = kind
                if op.is_terminator:
                    for target, args in zip(op.targets, op.args):
                        for p, a in zip(target.params, args):
                            kinds[p] = kinds.get(a)
    if any(kinds.get(p) not in (INT, BOOL) for blk in irfn.blocks for p in blk.params):
        return None
    if len(names) != 1 or not any(isinstance(op, irops.Call) for op in kinds):
        return None
    return kinds, names.pop()


def _kind_of(op, kinds, params, names):
    """The op's kind; None for an op with no value; False when the op rules the clone out."""
    operand = [kinds.get(v) for v in op.operands]
    if isinstance(op, irops.I64Const):
        return INT
    if isinstance(op, irops.LoadConst):
        return INT if type(op.value) is int and op.value in _INT64 else False
    if isinstance(op, irops.Null):
        return NULL
    if isinstance(op, (irops.BorrowLocal, irops.LoadLocal)):
        return INT if op.index in params else False
    if isinstance(op, irops.GuardType):
        return None if op.pytype is int and operand == [INT] else False
    if isinstance(op, (irops.UnboxInt, irops.BoxInt, irops.Dup)):
        return INT if operand == [INT] else False
    if isinstance(op, irops.DecRef):
        return None if operand[0] in (INT, BOOL, NULL) else False
    if isinstance(op, irops.LoadGlobal):
        names.add(op.symbol)
        return SELF
    if isinstance(op, irops.Call):
        return INT if (op.kwnames is None and operand[:2] == [NULL, SELF]
                       and operand[2:] == [INT] * len(params)) else False
    if isinstance(op, (irops.IntOp, irops.BinaryOp)):
        oper = op.oper if isinstance(op, irops.IntOp) else _INT_BINARY.get(op.oper % 13)
        return INT if oper and operand == [INT, INT] else False
    if isinstance(op, (irops.IntCompare, irops.Compare)):
        return BOOL if op.oper in range(6) and operand == [INT, INT] else False
    if isinstance(op, irops.Truthy):
        return BOOL if operand[0] in (INT, BOOL) else False
    if isinstance(op, irops.Not):
        return BOOL if operand == [BOOL] else False
    if isinstance(op, irops.Branch):
        return None if operand == [BOOL] else False
    if isinstance(op, irops.Return):
        return None if operand == [INT] else False
    if isinstance(op, (irops.Jump, irops.Deopt)):
        return None
    return False


class PureClone(UnboxedOps):
    """Emits `{i64, i1} clone(i64 *params, i32 budget)` into the lowering's module: the result and
    whether it is valid. The unboxed int ops lower exactly as in the normal code (UnboxedOps), with
    `deopt_if` meaning "give up". `budget` is what py_recursion_remaining would be when this call's frame
    is pushed; the caller checks it (emit_attempt, poll_before_calls). The eval breaker polled before
    calls is this interpreter's, at a fixed address (code objects, hence compiled units, belong to one
    interpreter): one load, no argument register."""

    def __init__(self, lowering, kinds):
        self.lowering = lowering
        self.module = lowering.module
        self.kinds = kinds
        code = lowering.code
        self.nparams = code.co_argcount
        self.ret_type = ir.LiteralStructType([I64, I1])
        fnty = ir.FunctionType(self.ret_type, [I64] * self.nparams + [I32])
        self.entry = ir.Function(self.module, fnty, "hw_pure_%x" % id(code))
        self.unrolled = ir.Function(self.module, fnty, "hw_pure_unrolled_%x" % id(code))
        for fn in (self.entry, self.unrolled):
            fn.linkage = "internal"
        self.unrolled.attributes.add("alwaysinline")
        # The give-up count lives outside the module, at an address embedded like every other: a
        # module global would need a relocation the fast code generator may not be able to reach.
        counter = ctypes.c_int32(0)
        lowering.keepalive.append(counter)
        self.failures = ir.Constant(I64, ctypes.addressof(counter)).inttoptr(PTR)
        self.breaker = ir.Constant(I64, _interpreter_state() + off("PyInterpreterState.ceval.eval_breaker")).inttoptr(PTR)

    def v(self, value):
        return self.values[value]

    def deopt_if(self, cond, op):
        cont = self.fn.append_basic_block()
        self.b.cbranch(cond, self.give_up, cont)
        self.b.position_at_end(cont)

    def emit(self):
        """Two copies of the body, each calling the other, the second inlined into the first: the
        recursion unrolled once, so half the calls (the leaves of fib, say) cost no call at all."""
        self.emit_body(self.entry, callee=self.unrolled)
        self.emit_body(self.unrolled, callee=self.entry)

    def emit_body(self, fn, callee):
        self.fn, self.callee, self.values = fn, callee, {}
        *params, budget = fn.args
        b = self.b = ir.IRBuilder(fn.append_basic_block("entry"))
        self.give_up = fn.append_basic_block("give_up")
        self.back_out = fn.append_basic_block("back_out")
        failed = ir.Constant(self.ret_type, [ir.Constant(I64, 0), ir.Constant(I1, 0)])
        b.position_at_end(self.give_up)
        b.store(b.add(b.load(self.failures, typ=I32), ir.Constant(I32, 1)), self.failures)
        b.ret(failed)
        b.position_at_end(self.back_out)
        b.ret(failed)
        b.position_at_end(fn.entry_basic_block)
        self.params, self.callee_budget = params, b.sub(budget, ir.Constant(I32, 1))
        irfn = self.lowering.irfn
        blocks = {blk: fn.append_basic_block("bc_%d" % blk.offset) for blk in irfn.blocks}
        for blk in irfn.blocks:
            b.position_at_end(blocks[blk])
            for p in blk.params:
                self.values[p] = b.phi(I64 if self.kinds[p] == INT else I1)
        b.position_at_end(fn.entry_basic_block)
        b.branch(blocks[irfn.blocks[0]])
        for blk in irfn.blocks:
            b.position_at_end(blocks[blk])
            for op in blk.ops:
                self.lower_op(op, blocks)

    def poll_before_calls(self):
        """Before the first call of a block: too deep for the interpreter gives up; a pending signal
        or GIL request backs out (the normal code handles it). Leaves of the recursion make no calls
        and so check nothing, which halves the checks of a function like fib."""
        b = self.b
        too_deep = b.icmp_signed("<=", self.callee_budget, ir.Constant(I32, 0))
        self.deopt_if(too_deep, None)
        pending = b.load_atomic(self.breaker, "monotonic", 4, typ=I32)
        cont = self.fn.append_basic_block("no_signal")
        b.cbranch(b.icmp_unsigned("!=", pending, ir.Constant(I32, 0)), self.back_out, cont)
        b.position_at_end(cont)

    def lower_op(self, op, blocks):
        b = self.b
        if isinstance(op, (irops.BorrowLocal, irops.LoadLocal)):
            self.values[op] = self.params[op.index]
        elif isinstance(op, irops.LoadConst):
            self.values[op] = ir.Constant(I64, op.value)
        elif isinstance(op, (irops.UnboxInt, irops.BoxInt, irops.Dup)):
            self.values[op] = self.v(op.operands[0])
        elif isinstance(op, (irops.I64Const, irops.IntOp, irops.IntCompare)):
            getattr(self, "lower_" + op.name)(op)
        elif isinstance(op, irops.BinaryOp):
            as_int = irops.IntOp(*op.operands, oper=_INT_BINARY[op.oper % 13])
            self.lower_int_op(as_int)
            self.values[op] = self.values.pop(as_int)
        elif isinstance(op, irops.Compare):
            as_int = irops.IntCompare(*op.operands, oper=op.oper)
            self.lower_int_compare(as_int)
            self.values[op] = self.values.pop(as_int)
        elif isinstance(op, irops.Truthy):
            x = self.v(op.operands[0])
            self.values[op] = x if self.kinds[op.operands[0]] == BOOL else b.icmp_signed("!=", x, ir.Constant(I64, 0))
        elif isinstance(op, irops.Not):
            self.values[op] = b.not_(self.v(op.operands[0]))
        elif isinstance(op, irops.Call):
            if not any(isinstance(o, irops.Call) for o in op.block.ops[:op.block.ops.index(op)]):
                self.poll_before_calls()
            pair = b.call(self.callee, [self.v(a) for a in op.operands[2:]] + [self.callee_budget])
            cont = self.fn.append_basic_block()
            b.cbranch(b.extract_value(pair, 1), cont, self.back_out)
            b.position_at_end(cont)
            self.values[op] = b.extract_value(pair, 0)
        elif isinstance(op, irops.Return):
            result = b.insert_value(ir.Constant(self.ret_type, None), self.v(op.operands[0]), 0)
            b.ret(b.insert_value(result, ir.Constant(I1, 1), 1))
        elif isinstance(op, irops.Deopt):
            b.branch(self.give_up)
        elif op.is_terminator:
            for target, args in zip(op.targets, op.args):
                for p, a in zip(target.params, args):
                    self.values[p].add_incoming(self.v(a), b.block)
            if isinstance(op, irops.Branch):
                b.cbranch(self.v(op.operands[0]), blocks[op.targets[0]], blocks[op.targets[1]])
            else:
                b.branch(blocks[op.targets[0]])

    def emit_attempt(self, symbol, args_ptr, nargs, kwnames, cell_address):
        """At the top of the compiled body: when the call is exactly the positional parameters, all
        small exact ints, and `symbol` still denotes this function, run the clone and return its boxed
        result; on every other path fall through to the normal body."""
        low = self.lowering
        b = low.b
        normal = low.fn.append_basic_block("not_pure")
        def require(cond, name):
            cont = low.fn.append_basic_block(name)
            b.cbranch(cond, cont, normal)
            b.position_at_end(cont)
        require(b.and_(b.icmp_unsigned("==", kwnames, ir.Constant(PTR, None)),
                       b.icmp_signed("==", nargs, ir.Constant(I64, self.nparams))), "pure_arity")
        require(b.icmp_unsigned("<", b.load(self.failures, typ=I32), ir.Constant(I32, GIVE_UP_LIMIT)),
                "pure_enabled")
        values = []
        for i in range(self.nparams):
            arg = b.load(b.gep(args_ptr, [ir.Constant(I64, i)], source_etype=PTR), typ=PTR)
            tag = low.load_field(arg, "PyLongObject.lv_tag", I64)
            require(b.and_(b.icmp_unsigned("==", low.type_of(arg), low.const_ptr(int)),
                           b.icmp_unsigned("<", tag, ir.Constant(I64, 2 << PYLONG_NON_SIZE_BITS))),
                    "pure_arg%d" % i)
            digit = b.zext(b.load(low.field_ptr(arg, "PyLongObject.ob_digit"), typ=I32), I64)
            values.append(b.mul(b.sub(ir.Constant(I64, 1), b.and_(tag, ir.Constant(I64, 3))), digit))
        target = b.load(ir.Constant(I64, cell_address).inttoptr(PTR), typ=PTR)
        require(b.icmp_unsigned("!=", target, ir.Constant(PTR, None)), "pure_bound")
        is_self = low.fn.append_basic_block("pure_self")
        low.branch_if_this_function(target, is_self, normal)
        b.position_at_end(is_self)
        depth = low.load_field(low.tstate, "PyThreadState.py_recursion_remaining", I32)
        budget = b.select(b.icmp_signed("<", depth, ir.Constant(I32, MAX_DEPTH)), depth, ir.Constant(I32, MAX_DEPTH))
        require(b.icmp_signed(">", budget, ir.Constant(I32, 0)), "pure_not_too_deep")
        pending = b.load_atomic(self.breaker, "monotonic", 4, typ=I32)
        require(b.icmp_unsigned("==", pending, ir.Constant(I32, 0)), "pure_no_signal")
        pair = b.call(self.entry, values + [budget])
        require(b.extract_value(pair, 1), "pure_done")
        boxed = low.call("PyLong_FromLongLong", b.extract_value(pair, 0))
        no_memory = low.fn.append_basic_block("pure_no_memory")
        done = low.fn.append_basic_block("pure_return")
        b.cbranch(b.icmp_unsigned("==", boxed, ir.Constant(PTR, None)), no_memory, done)
        b.position_at_end(done)
        b.ret(boxed)
        b.position_at_end(no_memory)
        low.call("PyErr_Clear")   # the normal body runs again and raises where CPython does
        b.branch(normal)
        b.position_at_end(normal)
