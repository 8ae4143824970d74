"""Lowering of the specialised ops: type guards, unboxed int64/double arithmetic, list/tuple access.

Every guard that fails deopts (the interpreter re-executes the instruction with the boxed values), so
these ops only implement the common case, exactly: int arithmetic checks for overflow, division checks
for zero, list indexing checks bounds. Python's floor division and modulo signs are reproduced here.
"""
from llvmlite import ir

from hotwire.backend.capi import F64, I1, I64, PTR
from hotwire.backend.layout312 import PYLONG_NON_SIZE_BITS, PYLONG_SHIFT

_FCMP = {0: "<", 1: "<=", 2: "==", 3: "!=", 4: ">", 5: ">="}

SMALL_INT_STRIDE = id(1) - id(0)
if any(id(i) != id(0) + i * SMALL_INT_STRIDE for i in range(-5, 257)):
    raise ImportError("hotwire: CPython's small ints are not laid out as expected")


class UnboxedOps:
    def lower_guard_type(self, op):
        v = self.v(op.operands[0])
        self.deopt_if(self.b.icmp_unsigned("!=", self.type_of(v), self.const_ptr(op.pytype)), op)

    def lower_unbox_float(self, op):
        self.values[op] = self.load_field(self.v(op.operands[0]), "PyFloatObject.ob_fval", F64)

    def lower_unbox_as_float(self, op):
        b = self.b
        v = self.v(op.operands[0])
        t = self.type_of(v)
        is_float = b.icmp_unsigned("==", t, self.const_ptr(float))
        with b.if_else(is_float, likely=True) as (as_float, as_int):
            with as_float:
                from_float = self.load_field(v, "PyFloatObject.ob_fval", F64)
                float_end = b.block
            with as_int:
                tag = self.load_field(v, "PyLongObject.lv_tag", I64)
                small_int = b.and_(b.icmp_unsigned("==", t, self.const_ptr(int)), self.is_compact(tag))
                self.deopt_if(b.not_(small_int), op)
                from_int = b.sitofp(self.compact_int_value(v, tag), F64)
                int_end = b.block
        value = b.phi(F64)
        value.add_incoming(from_float, float_end)
        value.add_incoming(from_int, int_end)
        self.values[op] = value

    def lower_f64_const(self, op):
        self.values[op] = ir.Constant(F64, op.value)

    def lower_i64_const(self, op):
        self.values[op] = ir.Constant(I64, op.value)

    def lower_unbox_int(self, op):
        """Compact ints (one 30-bit digit) inline; larger ones through the C API, deopting on overflow."""
        value, fits = self.int64_of(self.v(op.operands[0]))
        self.deopt_if(self.b.not_(fits), op)
        self.values[op] = value

    def int64_of(self, v):
        """(value, fits) of an exact int object: ints of one or two 30-bit digits inline (a sum that
        passed 2**30 stays off the C API), others through the C API (`fits` is false when the value
        does not fit in 64 bits)."""
        b = self.b
        fits = ir.Constant(I1, 1)
        tag = self.load_field(v, "PyLongObject.lv_tag", I64)
        with b.if_else(self.is_compact(tag), likely=True) as (fast, slow):
            with fast:
                small = (self.compact_int_value(v, tag), fits, b.block)
            with slow:
                two_digits = b.icmp_unsigned("<", tag, ir.Constant(I64, 3 << PYLONG_NON_SIZE_BITS))
                with b.if_else(two_digits, likely=True) as (two, more):
                    with two:
                        pair = (self.two_digit_int_value(v, tag), fits, b.block)
                    with more:
                        overflow = self.alloca(ir.IntType(32))
                        b.store(ir.Constant(ir.IntType(32), 0), overflow)
                        big = self.call("PyLong_AsLongLongAndOverflow", v, overflow)
                        in_range = b.icmp_signed("==", b.load(overflow, typ=ir.IntType(32)),
                                                 ir.Constant(ir.IntType(32), 0))
                        through_api = (big, in_range, b.block)
                large = self._value_and_fits(pair, through_api) + (b.block,)
        return self._value_and_fits(small, large)

    def _value_and_fits(self, *incoming):
        """Phis joining (value, fits, block) triples where the branches that made them meet."""
        value, fits = self.b.phi(I64), self.b.phi(I1)
        for v, f, block in incoming:
            value.add_incoming(v, block)
            fits.add_incoming(f, block)
        return value, fits

    def two_digit_int_value(self, v, tag):
        """The value of an int object of exactly two digits: low + high << 30, signed by the tag."""
        b = self.b
        digits = self.field_ptr(v, "PyLongObject.ob_digit")
        low = b.zext(b.load(digits, typ=ir.IntType(32)), I64)
        high = b.zext(b.load(b.gep(digits, [ir.Constant(I64, 4)], source_etype=ir.IntType(8)), typ=ir.IntType(32)), I64)
        return self._signed(tag, b.or_(low, b.shl(high, ir.Constant(I64, PYLONG_SHIFT))))

    def _signed(self, tag, magnitude):
        """magnitude times the sign lv_tag's low bits give (0 positive, 1 zero, 2 negative)."""
        b = self.b
        return b.mul(b.sub(ir.Constant(I64, 1), b.and_(tag, ir.Constant(I64, 3))), magnitude)

    def is_compact(self, tag):
        """Whether an int object's lv_tag (`tag`) says it is compact (at most one 30-bit digit)."""
        return self.b.icmp_unsigned("<", tag, ir.Constant(I64, 2 << PYLONG_NON_SIZE_BITS))

    def compact_int_value(self, v, tag):
        """The value of an int object whose lv_tag (`tag`) says it is compact (at most one digit)."""
        digit = self.b.zext(self.b.load(self.field_ptr(v, "PyLongObject.ob_digit"), typ=ir.IntType(32)), I64)
        return self._signed(tag, digit)

    def lower_box_float(self, op):
        r = self.call("PyFloat_FromDouble", self.v(op.operands[0]))
        self.values[op] = self.check_null(r, op)

    def lower_box_int(self, op):
        self.values[op] = self.boxed_int(self.v(op.operands[0]), op)

    def boxed_int(self, v, op):
        """A new reference to int(v). CPython keeps -5..256 as immortal objects laid out contiguously
        (checked at import); those are an address computation, other values a call."""
        b = self.b
        small = b.icmp_unsigned("<", b.add(v, ir.Constant(I64, 5)), ir.Constant(I64, 262))
        cached = b.inttoptr(b.add(self.const_ptr(0).ptrtoint(I64), b.mul(v, ir.Constant(I64, SMALL_INT_STRIDE))), PTR)
        return self.fast_or_call(
            small, cached, lambda: self.check_null(self.call("PyLong_FromLongLong", v), op), "box_int")

    def lower_int_to_float(self, op):
        self.values[op] = self.b.sitofp(self.v(op.operands[0]), F64)

    def lower_float_op(self, op):
        a, c = (self.v(o) for o in op.operands)
        fn = {"+": self.b.fadd, "-": self.b.fsub, "*": self.b.fmul}[op.oper]
        self.values[op] = fn(a, c)

    def lower_float_neg(self, op):
        self.values[op] = self.b.fneg(self.v(op.operands[0]))

    def lower_float_div(self, op):
        a, c = (self.v(o) for o in op.operands)
        self.deopt_if(self.b.fcmp_ordered("==", c, ir.Constant(F64, 0.0)), op)
        self.values[op] = self.b.fdiv(a, c)

    def lower_float_pow(self, op):
        b = self.b
        x, y = (self.v(o) for o in op.operands)
        inf = ir.Constant(F64, float("inf"))
        fine = b.and_(b.fcmp_ordered(">", x, ir.Constant(F64, 0.0)), b.fcmp_ordered("<", x, inf))
        fine = b.and_(fine, b.fcmp_ordered("<", self.fabs(y), inf))
        self.deopt_if(b.not_(fine), op)
        pow_fn = self.module.globals.get("llvm.pow.f64") or ir.Function(
            self.module, ir.FunctionType(F64, [F64, F64]), "llvm.pow.f64")
        r = b.call(pow_fn, [x, y])
        self.deopt_if(b.fcmp_ordered(">=", self.fabs(r), inf), op)  # OverflowError in Python
        self.values[op] = r

    def fabs(self, v):
        fn = self.module.globals.get("llvm.fabs.f64") or ir.Function(
            self.module, ir.FunctionType(F64, [F64]), "llvm.fabs.f64")
        return self.b.call(fn, [v])

    def lower_float_compare(self, op):
        a, c = (self.v(o) for o in op.operands)
        cmp = _FCMP[op.oper]
        if cmp == "!=":
            self.values[op] = self.b.fcmp_unordered("!=", a, c)
        else:
            self.values[op] = self.b.fcmp_ordered(cmp, a, c)

    def lower_int_compare(self, op):
        a, c = (self.v(o) for o in op.operands)
        self.values[op] = self.b.icmp_signed(_FCMP[op.oper], a, c)

    def checked_int_op(self, intrinsic, a, c):
        """(result, overflowed) of an llvm.*.with.overflow intrinsic on two i64s."""
        name = intrinsic + ".i64"
        fn = self.module.globals.get(name)
        if fn is None:
            fnty = ir.FunctionType(ir.LiteralStructType([I64, I1]), [I64, I64])
            fn = ir.Function(self.module, fnty, name)
        pair = self.b.call(fn, [a, c])
        return self.b.extract_value(pair, 0), self.b.extract_value(pair, 1)

    def _with_overflow(self, intrinsic, a, c, op):
        value, overflowed = self.checked_int_op(intrinsic, a, c)
        self.deopt_if(overflowed, op)
        return value

    def lower_int_op(self, op):
        b = self.b
        a, c = (self.v(o) for o in op.operands)
        o = op.oper
        zero = ir.Constant(I64, 0)
        if o in ("+", "-", "*"):
            name = {"+": "llvm.sadd.with.overflow", "-": "llvm.ssub.with.overflow",
                    "*": "llvm.smul.with.overflow"}[o]
            r = self._with_overflow(name, a, c, op)
        elif o == "&":
            r = b.and_(a, c)
        elif o == "|":
            r = b.or_(a, c)
        elif o == "^":
            r = b.xor(a, c)
        elif o in ("//", "%"):
            # Zero divisor and MIN // -1 deopt; the interpreter raises or makes a big int.
            bad = b.or_(b.icmp_signed("==", c, zero),
                        b.and_(b.icmp_signed("==", a, ir.Constant(I64, -(1 << 63))),
                               b.icmp_signed("==", c, ir.Constant(I64, -1))))
            self.deopt_if(bad, op)
            q = b.sdiv(a, c)
            rem = b.srem(a, c)
            adjust = b.and_(b.icmp_signed("!=", rem, zero),
                            b.icmp_signed("!=", b.icmp_signed("<", rem, zero), b.icmp_signed("<", c, zero)))
            if o == "//":
                r = b.select(adjust, b.sub(q, ir.Constant(I64, 1)), q)
            else:
                r = b.select(adjust, b.add(rem, c), rem)
        elif o == "<<":
            bad = b.or_(b.icmp_unsigned(">", c, ir.Constant(I64, 62)), b.icmp_signed("<", c, zero))
            self.deopt_if(bad, op)
            shifted = b.shl(a, c)
            self.deopt_if(b.icmp_signed("!=", b.ashr(shifted, c), a), op)
            r = shifted
        elif o == ">>":
            self.deopt_if(b.icmp_signed("<", c, zero), op)
            capped = b.select(b.icmp_signed(">", c, ir.Constant(I64, 63)), ir.Constant(I64, 63), c)
            r = b.ashr(a, capped)
        else:
            raise NotImplementedError(o)
        self.values[op] = r

    def _list_index(self, seq, index, op):
        """Bounds-checked index with Python's negative indexing; out of range deopts."""
        b = self.b
        size = self.load_field(seq, "PyVarObject.ob_size", I64)
        idx = b.select(b.icmp_signed("<", index, ir.Constant(I64, 0)), b.add(index, size), index)
        self.deopt_if(b.icmp_unsigned(">=", idx, size), op)
        return idx

    def lower_list_get(self, op):
        seq, index = (self.v(o) for o in op.operands)
        idx = self._list_index(seq, index, op)
        items = self.load_field(seq, "PyListObject.ob_item", PTR)
        v = self.b.load(self.b.gep(items, [idx], source_etype=PTR), typ=PTR)
        self.incref(v)
        self.values[op] = v

    def lower_tuple_get(self, op):
        seq, index = (self.v(o) for o in op.operands)
        idx = self._list_index(seq, index, op)
        items = self.field_ptr(seq, "PyTupleObject.ob_item")
        v = self.b.load(self.b.gep(items, [idx], source_etype=PTR), typ=PTR)
        self.incref(v)
        self.values[op] = v

    def lower_list_set_f64(self, op):
        b = self.b
        seq, index, d = (self.v(o) for o in op.operands)
        idx = self._list_index(seq, index, op)
        slot = b.gep(self.load_field(seq, "PyListObject.ob_item", PTR), [idx], source_etype=PTR)
        self.store_float_reusing(slot, b.load(slot, typ=PTR), d)

    def store_float_reusing(self, slot, old, d):
        """*slot = float(d), overwriting the float object `old` in the slot when the slot holds the
        only reference to it (nobody can tell the difference), else a new float replaces it."""
        b = self.b
        is_float = b.icmp_unsigned("==", self.type_of(old), self.const_ptr(float))
        alone = b.icmp_unsigned("==", b.load(old, typ=I64), ir.Constant(I64, 1))
        with b.if_else(b.and_(is_float, alone)) as (reuse, replace):
            with reuse:
                b.store(d, self.field_ptr(old, "PyFloatObject.ob_fval"))
            with replace:
                b.store(self.call("PyFloat_FromDouble", d), slot)
                self.decref(old)

    def lower_store_local_i64(self, op):
        """*slot = int(v). An int alone in the slot (refcount 1: only the slot holds it) takes the new
        value in place when the new value needs no more of its 30-bit digits than the object has (at
        most two), as store_float_reusing does for floats: a loop counting or summing into a local
        then allocates nothing. The values CPython shares (-5..256) are stored as the shared objects,
        so `is` sees what it would under CPython."""
        b = self.b
        v = self.v(op.operands[0])
        slot = self.slot_ptr(op.index)
        old = b.load(slot, typ=PTR)
        safe_old = b.select(b.icmp_unsigned("==", old, ir.Constant(PTR, None)), self.const_ptr(None), old)
        negative = b.icmp_signed("<", v, ir.Constant(I64, 0))
        magnitude = b.select(negative, b.sub(ir.Constant(I64, 0), v), v)
        digits_needed = b.select(b.icmp_unsigned("<", magnitude, ir.Constant(I64, 1 << PYLONG_SHIFT)),
                                 ir.Constant(I64, 1), ir.Constant(I64, 2))
        digits_there = b.lshr(self.load_field(safe_old, "PyLongObject.lv_tag", I64),
                              ir.Constant(I64, PYLONG_NON_SIZE_BITS))
        shared = b.icmp_unsigned("<", b.add(v, ir.Constant(I64, 5)), ir.Constant(I64, 262))
        reusable = b.and_(b.and_(b.icmp_unsigned("==", self.type_of(safe_old), self.const_ptr(int)),
                                 b.icmp_unsigned("==", b.load(safe_old, typ=I64), ir.Constant(I64, 1))),
                          b.and_(b.icmp_unsigned("<=", digits_needed, digits_there),
                                 b.icmp_unsigned("<=", digits_there, ir.Constant(I64, 2))))
        fits = b.icmp_unsigned("<", magnitude, ir.Constant(I64, 1 << (2 * PYLONG_SHIFT)))
        with b.if_else(b.and_(b.and_(reusable, fits), b.not_(shared))) as (reuse, replace):
            with reuse:
                sign = b.select(negative, ir.Constant(I64, 2), ir.Constant(I64, 0))
                self.store_field(old, "PyLongObject.lv_tag",
                                 b.or_(b.shl(digits_needed, ir.Constant(I64, PYLONG_NON_SIZE_BITS)), sign))
                mask = ir.Constant(I64, (1 << PYLONG_SHIFT) - 1)
                digit = self.field_ptr(old, "PyLongObject.ob_digit")
                b.store(b.trunc(b.and_(magnitude, mask), ir.IntType(32)), digit)
                with b.if_then(b.icmp_unsigned("==", digits_needed, ir.Constant(I64, 2))):
                    b.store(b.trunc(b.lshr(magnitude, ir.Constant(I64, PYLONG_SHIFT)), ir.IntType(32)),
                            b.gep(digit, [ir.Constant(I64, 4)], source_etype=ir.IntType(8)))
            with replace:
                b.store(self.boxed_int(v, op), slot)
                self.xdecref(old)

    def lower_list_set(self, op):
        seq, index, value = (self.v(o) for o in op.operands)
        idx = self._list_index(seq, index, op)
        items = self.load_field(seq, "PyListObject.ob_item", PTR)
        slot = self.b.gep(items, [idx], source_etype=PTR)
        old = self.b.load(slot, typ=PTR)
        self.b.store(value, slot)
        self.decref(old)

