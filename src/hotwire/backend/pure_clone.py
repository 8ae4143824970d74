"""Frameless clones of small pure numeric functions: self-recursive ones (fib, tak, ackermann...)
and leaf ones called from compiled code (spectral_norm's eval_A).

Why: a call through the frame ABI pushes a real interpreter frame, binds boxed arguments and boxes the
result, which costs far more than the arithmetic of such a function. Yet when its arguments are small
ints it does nothing anyone can observe until it returns: no Python code runs, no object is allocated,
no global changes. So a second LLVM function is made from the same IR (passes/pure_plan.py says which
functions qualify), taking int64 arguments and returning an int64 or a double, with no frame at all,
calling itself directly. Two places run it: the compiled entry of a self-recursive function tries it
first (emit_attempt), and a compiled caller runs the clone of the function it calls (call_pure,
lower_objects.lower_call_pure), with the unboxed result going straight on.

It must never change what the program sees, so it only *tries*: the moment anything leaves its world
(an overflow, a division by zero, recursion deeper than the interpreter would allow, a pending signal
or GIL request, an instruction the compiled code would deopt on), the whole clone gives up and the call
is made again for real, from its first instruction, which gives CPython's exact result, exception and
traceback. Starting again is exact because nothing the clone did was visible. Giving up costs the work
done so far, so a clone that gave up `GIVE_UP_LIMIT` times stops being tried (a pending signal does not
count: it is not the function's fault). Whoever runs a clone checks first that the name it calls
itself by still denotes this very function.
"""
import ctypes

from llvmlite import ir

from hotwire.backend.capi import F64 as LLVM_F64, I1, I32, I64, PTR
from hotwire.backend.layout312 import off
from hotwire.backend.lower_unboxed import UnboxedOps
from hotwire.backend.scheduled_gc import emit_run_scheduled_gc
from hotwire.ir import ops as irops
from hotwire.passes.pure_plan import EXACT_IN_DOUBLE, FLOAT_BINARY, INT_BINARY, BOOL, F64, INT

GIVE_UP_LIMIT = 8
MAX_DEPTH = 10000     # the clone uses the C stack: a bound well below any thread's stack size


class PureClone(UnboxedOps):
    """Emits `{T, i1} clone(i64 *params, i32 budget)` (T is i64 or double) into the lowering's module:
    the result and whether it is valid. The unboxed ops lower exactly as in the normal code
    (UnboxedOps), with `deopt_if` meaning "give up". `budget` is what py_recursion_remaining would be
    when this call's frame is pushed; the caller checks it (emit_attempt, poll_before_calls). The eval
    breaker polled before calls is this interpreter's, at a fixed address (code objects, hence compiled
    units, belong to one interpreter): one load, no argument register.

    `irfn` and `code` are the function the clone is made of: the lowering's own, or (for a call of a
    clonable function, lower_objects.lower_call_pure) the callee's."""

    def __init__(self, lowering, irfn, code, plan):
        self.lowering = lowering
        self.module = lowering.module
        self.irfn = irfn
        self.kinds = plan.kinds
        self.plan = plan
        self.nparams = code.co_argcount
        self.result_type = I64 if plan.result == INT else LLVM_F64
        self.ret_type = ir.LiteralStructType([self.result_type, I1])
        fnty = ir.FunctionType(self.ret_type, [I64] * self.nparams + [I32])
        self.index = len(lowering._pure_clones)
        self.entry = ir.Function(self.module, fnty, "%s_pure_%d" % (lowering.name, self.index))
        self.entry.linkage = "internal"
        if plan.self_name is not None:
            self.unrolled = ir.Function(self.module, fnty, "%s_pure_unrolled_%d" % (lowering.name, self.index))
            self.unrolled.linkage = "internal"
            self.unrolled.attributes.add("alwaysinline")
        # The give-up count lives outside the module, at an address bound like every other
        # (link_symbols.py): a module global would need a relocation the fast code generator may not
        # be able to reach.
        self.failures = lowering.owned_address(ctypes.c_int32(0), "pure_failures", self.index)
        self.breaker = lowering.interp_address(off("PyInterpreterState.ceval.eval_breaker"))

    def v(self, value):
        return self.values[value]

    def deopt_if(self, cond, op):
        cont = self.fn.append_basic_block()
        self.b.cbranch(cond, self.give_up, cont)
        self.b.position_at_end(cont)

    def emit(self):
        """Two copies of the body, each calling the other, the second inlined into the first: the
        recursion unrolled once, so half the calls (the leaves of fib, say) cost no call at all."""
        if self.plan.self_name is None:
            self.emit_body(self.entry, callee=None)
        else:
            self.emit_body(self.entry, callee=self.unrolled)
            self.emit_body(self.unrolled, callee=self.entry)
        return self

    def emit_body(self, fn, callee):
        self.fn, self.callee, self.values = fn, callee, {}
        *params, budget = fn.args
        b = self.b = ir.IRBuilder(fn.append_basic_block("entry"))
        self.give_up = fn.append_basic_block("give_up")
        self.back_out = fn.append_basic_block("back_out")
        failed = ir.Constant(self.ret_type, [ir.Constant(self.result_type, 0), ir.Constant(I1, 0)])
        b.position_at_end(self.give_up)
        b.store(b.add(b.load(self.failures, typ=I32), ir.Constant(I32, 1)), self.failures)
        b.ret(failed)
        b.position_at_end(self.back_out)
        b.ret(failed)
        b.position_at_end(fn.entry_basic_block)
        self.params, self.callee_budget = params, b.sub(budget, ir.Constant(I32, 1))
        blocks = {blk: fn.append_basic_block("bc_%d" % blk.offset) for blk in self.irfn.blocks}
        for blk in self.irfn.blocks:
            b.position_at_end(blocks[blk])
            for p in blk.params:
                self.values[p] = b.phi({INT: I64, F64: LLVM_F64, BOOL: I1}[self.kinds[p]])
        b.position_at_end(fn.entry_basic_block)
        b.branch(blocks[self.irfn.blocks[0]])
        for blk in self.irfn.blocks:
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

    def as_double(self, value):
        """An operand as a double: ints convert exactly as Python's int-to-float does (correctly
        rounded; every int64 is in range)."""
        v = self.v(value)
        return self.b.sitofp(v, LLVM_F64) if self.kinds[value] == INT else v

    def lower_float_binary(self, op, oper):
        b = self.b
        a, c = op.operands
        if oper == "/" and self.kinds[a] == INT and self.kinds[c] == INT:
            # int / int is the correctly rounded quotient: a double division of exact doubles.
            for x in (self.v(a), self.v(c)):
                self.deopt_if(b.icmp_unsigned(">", b.add(x, ir.Constant(I64, EXACT_IN_DOUBLE)),
                                              ir.Constant(I64, 2 * EXACT_IN_DOUBLE)), op)
        x, y = self.as_double(a), self.as_double(c)
        if oper == "/":
            self.deopt_if(b.fcmp_ordered("==", y, ir.Constant(LLVM_F64, 0.0)), op)
            return b.fdiv(x, y)
        return {"+": b.fadd, "-": b.fsub, "*": b.fmul}[oper](x, y)

    def lower_op(self, op, blocks):
        b = self.b
        kind = self.kinds.get(op)
        if isinstance(op, (irops.BorrowLocal, irops.LoadLocal)):
            self.values[op] = self.params[op.index]
        elif isinstance(op, irops.LoadConst):
            self.values[op] = ir.Constant(I64 if kind == INT else LLVM_F64, op.value)
        elif isinstance(op, (irops.UnboxInt, irops.BoxInt, irops.BoxFloat, irops.Dup)):
            self.values[op] = self.v(op.operands[0])
        elif isinstance(op, (irops.I64Const, irops.F64Const, irops.IntOp, irops.IntCompare, irops.IntToFloat,
                             irops.FloatOp, irops.FloatDiv, irops.FloatNeg, irops.FloatCompare)):
            getattr(self, "lower_" + op.name)(op)
        elif isinstance(op, irops.BinaryOp) and kind == F64:
            self.values[op] = self.lower_float_binary(op, FLOAT_BINARY[op.oper % 13])
        elif isinstance(op, irops.BinaryOp):
            as_int = irops.IntOp(*op.operands, oper=INT_BINARY[op.oper % 13])
            self.lower_int_op(as_int)
            self.values[op] = self.values.pop(as_int)
        elif isinstance(op, irops.Compare):
            same = irops.IntCompare if self.kinds[op.operands[0]] == INT else irops.FloatCompare
            as_typed = same(*op.operands, oper=op.oper)
            getattr(self, "lower_" + as_typed.name)(as_typed)
            self.values[op] = self.values.pop(as_typed)
        elif isinstance(op, irops.Truthy):
            x = self.v(op.operands[0])
            self.values[op] = x if self.kinds[op.operands[0]] == BOOL else b.icmp_signed("!=", x, ir.Constant(I64, 0))
        elif isinstance(op, irops.Not):
            self.values[op] = b.not_(self.v(op.operands[0]))
        elif isinstance(op, (irops.Call, irops.CallPure)):
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

    def emit_call(self, args, fail):
        """At the builder's position in the lowering's function: unbox `args` (PyObject*s) when they
        are all small exact ints, check the recursion budget and the eval breaker, call the clone.
        Returns its result; every path where the clone cannot run or gives up branches to `fail`."""
        low = self.lowering
        b = low.b
        def require(cond, name):
            cont = low.fn.append_basic_block(name)
            b.cbranch(cond, cont, fail)
            b.position_at_end(cont)
        require(b.icmp_unsigned("<", b.load(self.failures, typ=I32), ir.Constant(I32, GIVE_UP_LIMIT)),
                "pure_enabled")
        values = []
        for i, arg in enumerate(args):
            require(b.icmp_unsigned("==", low.type_of(arg), low.const_ptr(int)), "pure_arg%d" % i)
            value, fits = low.int64_of(arg)
            require(fits, "pure_arg%d_fits" % i)
            values.append(value)
        depth = low.load_field(low.tstate, "PyThreadState.py_recursion_remaining", I32)
        budget = b.select(b.icmp_signed("<", depth, ir.Constant(I32, MAX_DEPTH)), depth, ir.Constant(I32, MAX_DEPTH))
        require(b.icmp_signed(">", budget, ir.Constant(I32, 0)), "pure_not_too_deep")
        pending = b.load_atomic(self.breaker, "monotonic", 4, typ=I32)
        require(b.icmp_unsigned("==", pending, ir.Constant(I32, 0)), "pure_no_signal")
        pair = b.call(self.entry, values + [budget])
        require(b.extract_value(pair, 1), "pure_done")
        return b.extract_value(pair, 0)

    def emit_attempt(self, args_ptr, nargs, kwnames, cell):
        """At the top of the compiled body: when the call is exactly the positional parameters, all
        small exact ints, and the function's name still denotes this function, run the clone and
        return its boxed result; on every other path fall through to the normal body."""
        low = self.lowering
        b = low.b
        normal = low.fn.append_basic_block("not_pure")
        arity = low.fn.append_basic_block("pure_arity")
        b.cbranch(b.and_(b.icmp_unsigned("==", kwnames, ir.Constant(PTR, None)),
                         b.icmp_signed("==", nargs, ir.Constant(I64, self.nparams))), arity, normal)
        b.position_at_end(arity)
        emit_run_scheduled_gc(low)   # before the checks: a finalizer may rebind the function's name
        target = b.load(cell, typ=PTR)
        bound = low.fn.append_basic_block("pure_bound")
        b.cbranch(b.icmp_unsigned("!=", target, ir.Constant(PTR, None)), bound, normal)
        b.position_at_end(bound)
        is_self = low.fn.append_basic_block("pure_self")
        low.branch_if_this_function(target, is_self, normal)
        b.position_at_end(is_self)
        args = [b.load(b.gep(args_ptr, [ir.Constant(I64, i)], source_etype=PTR), typ=PTR)
                for i in range(self.nparams)]
        boxed = self.box(self.emit_call(args, normal))
        no_memory = low.fn.append_basic_block("pure_no_memory")
        done = low.fn.append_basic_block("pure_return")
        b.cbranch(b.icmp_unsigned("==", boxed, ir.Constant(PTR, None)), no_memory, done)
        b.position_at_end(done)
        b.ret(boxed)
        b.position_at_end(no_memory)
        low.call("PyErr_Clear")   # the normal body runs again and raises where CPython does
        b.branch(normal)
        b.position_at_end(normal)

    def box(self, value):
        return self.lowering.call("PyLong_FromLongLong" if self.plan.result == INT else "PyFloat_FromDouble",
                                  value)
