"""Lowering of `sum_of` (passes/specialise_sum.py): `sum(x)` of a repeat, list or tuple without an iterator.

What 3.12's builtin sum does with the default start 0 (builtin_sum_impl, Python/bltinmodule.c): its int
path takes the first item; a float is not an int, so the result becomes `0 + x`, a float, and the
float path goes on from there with Neumaier's compensated summation: for each further item `t = f + x`,
the lost low part is added to `c` (`(f - t) + x` when |f| >= |x|, else `(x - t) + f`), `f = t`; at the end
`f + c` if `c` is non-zero and finite. The loop below makes exactly those additions, in that order, in
registers (no fast-math: LLVM may not reassociate them). An int element's sum is exact whatever the
order: the element times the count. No items (n = 0): the start, int 0. The repeat object is left
exhausted (count 0), as iterating it to the end leaves it. An exact list or tuple whose items are all
exact floats gets the same float loop; all exact ints, their sum in 64 bits (CPython's int path adds
in a C long too); anything else, the call.

The repeat object's layout (Modules/itertoolsmodule.c, not in any header): after PyObject_HEAD, the
element and a Py_ssize_t count, -1 when infinite. `repeat_layout_holds` checks it on a live object
(once per process); if it does not hold, a repeat is summed by the plain call.
"""
import ctypes
import functools

from llvmlite import ir

from hotwire.backend.capi import F64, I64, PTR
from hotwire.backend.layout312 import off
from hotwire.backend.symbol_recipes import KNOWN

REPEAT_ELEMENT = 16
REPEAT_COUNT = 24


@functools.cache
def repeat_layout_holds():
    """The repeat type was found, and a repeat's element and count are where this module reads them."""
    if "itertools.repeat" not in KNOWN:
        return False
    marker = object()
    r = KNOWN["itertools.repeat"](marker, 12345)
    element = ctypes.c_void_p.from_address(id(r) + REPEAT_ELEMENT).value
    count = ctypes.c_ssize_t.from_address(id(r) + REPEAT_COUNT).value
    return element == id(marker) and count == 12345


class SumOps:
    def lower_sum_of(self, op):
        b = self.b
        _null, callable_, x = op.operands
        func, obj = self.v(callable_), self.v(x)
        self.set_line(op)

        def call():
            return self.call_with_one_argument(func, obj)

        if "sum" not in KNOWN:
            r = call()
            for o in op.operands:
                self.release(o)
            self.values[op] = self.check_null(r, op)
            return
        is_sum = b.icmp_unsigned("==", func, self.const_ptr(KNOWN["sum"]))
        type_ = self.type_of(obj)
        is_list = b.icmp_unsigned("==", type_, self.const_ptr(KNOWN["list"]))
        is_tuple = b.icmp_unsigned("==", type_, self.const_ptr(KNOWN["tuple"]))

        def sequence_or_call():
            return self.choose(b.or_(is_list, is_tuple), lambda: self._sum_of_items(obj, is_list, call), call,
                               "sum_sequence")

        def builtin_sum():
            if not repeat_layout_holds():
                return sequence_or_call()
            is_repeat = b.icmp_unsigned("==", type_, self.const_ptr(KNOWN["itertools.repeat"]))
            return self.choose(is_repeat, lambda: self._sum_of_repeat(obj, call), sequence_or_call, "sum_kind")
        r = self.choose(is_sum, builtin_sum, call, "sum_of")
        for o in op.operands:
            self.release(o)
        self.values[op] = self.check_null(r, op)

    def _sum_of_repeat(self, repeat, call):
        b = self.b
        element = b.load(b.gep(repeat, [ir.Constant(I64, REPEAT_ELEMENT)], source_etype=ir.IntType(8)), typ=PTR)
        count_ptr = b.gep(repeat, [ir.Constant(I64, REPEAT_COUNT)], source_etype=ir.IntType(8))
        count = b.load(count_ptr, typ=I64)
        element_type = self.type_of(element)
        is_float = b.icmp_unsigned("==", element_type, self.const_ptr(KNOWN["float"]))
        is_int = b.icmp_unsigned("==", element_type, self.const_ptr(KNOWN["int"]))
        positive = b.icmp_signed(">", count, ir.Constant(I64, 0))

        def items():
            b.store(ir.Constant(I64, 0), count_ptr)   # exhausted, as sum leaves it
            return self.choose(is_float, lambda: self._float_sum(element, count),
                               lambda: self._int_sum(element, count), "sum_items")

        def no_items_or_other():
            empty = b.icmp_signed("==", count, ir.Constant(I64, 0))
            return self.choose(empty, lambda: self.call("PyLong_FromLongLong", ir.Constant(I64, 0)), call,
                               "sum_empty")

        known = b.and_(positive, b.or_(is_float, is_int))
        return self.choose(known, items, no_items_or_other, "sum_repeat")

    def _int_sum(self, element, count):
        n = self.call("PyLong_FromLongLong", count)

        def product():
            r = self.call("PyNumber_Multiply", element, n)
            self.decref(n)
            return r
        return self.choose(self.b.icmp_unsigned("!=", n, ir.Constant(PTR, None)), product,
                           lambda: ir.Constant(PTR, None), "sum_int")

    def _float_sum(self, element, count):
        x = self._float_value(element)
        total, _ = self._compensated_sum(x, lambda i: (x, ir.Constant(ir.IntType(1), 1)), count)
        return self.call("PyFloat_FromDouble", total)

    def _float_value(self, obj):
        return self.b.load(self.b.gep(obj, [ir.Constant(I64, off("PyFloatObject.ob_fval"))],
                                      source_etype=ir.IntType(8)), typ=F64)

    def _compensated_sum(self, first_x, x_at, count):
        """sum's float path over `count` (>= 1) items, the i-th of which `x_at(i)` emits as (value,
        valid); stops at the first invalid one. Returns (the sum as a double, all valid)."""
        b = self.b
        fabs = self.module.declare_intrinsic("llvm.fabs", [F64])
        first = b.fadd(ir.Constant(F64, 0.0), first_x)   # int 0 + x: the start converted to 0.0
        before = b.block
        header = self.fn.append_basic_block("sum_float_loop")
        body = self.fn.append_basic_block("sum_float_add")
        done = self.fn.append_basic_block("sum_float_done")
        b.branch(header)
        b.position_at_end(header)
        i, f, c, ok = b.phi(I64), b.phi(F64), b.phi(F64), b.phi(ir.IntType(1))
        i.add_incoming(ir.Constant(I64, 1), before)
        f.add_incoming(first, before)
        c.add_incoming(ir.Constant(F64, 0.0), before)
        ok.add_incoming(ir.Constant(ir.IntType(1), 1), before)
        b.cbranch(b.and_(ok, b.icmp_signed("<", i, count)), body, done)
        b.position_at_end(body)
        x, valid = x_at(i)
        t = b.fadd(f, x)
        larger = b.fcmp_ordered(">=", b.call(fabs, [f]), b.call(fabs, [x]))
        low = b.select(larger, b.fadd(b.fsub(f, t), x), b.fadd(b.fsub(x, t), f))
        i.add_incoming(b.add(i, ir.Constant(I64, 1)), b.block)
        f.add_incoming(t, b.block)
        c.add_incoming(b.fadd(c, low), b.block)
        ok.add_incoming(valid, b.block)
        b.branch(header)
        b.position_at_end(done)
        nonzero = b.fcmp_unordered("!=", c, ir.Constant(F64, 0.0))
        finite = b.fcmp_ordered("!=", b.call(fabs, [c]), ir.Constant(F64, float("inf")))
        compensate = b.and_(nonzero, finite)
        return b.select(compensate, b.fadd(f, c), f), ok

    def _sum_of_items(self, seq, is_list, call):
        """An exact list or tuple of exact floats: sum's float path; of exact ints that add up within
        64 bits: their sum; the first item decides which loop runs, and any other item (or an
        overflow) abandons it for the call. The loops only read, and no Python code runs in them, so
        starting again in the call changes nothing the program can see."""
        b = self.b
        count = self.load_field(seq, "PyVarObject.ob_size", I64)
        items = self.choose(is_list, lambda: self.load_field(seq, "PyListObject.ob_item", PTR),
                            lambda: b.gep(seq, [ir.Constant(I64, off("PyTupleObject.ob_item"))],
                                          source_etype=ir.IntType(8)), "sum_items_array")

        def item(i):
            return b.load(b.gep(items, [i], source_etype=PTR), typ=PTR)

        def is_exact(obj, known):
            return b.icmp_unsigned("==", self.type_of(obj), self.const_ptr(KNOWN[known]))

        def float_at(i):
            obj = item(i)
            valid = is_exact(obj, "float")
            x = self.choose(valid, lambda: self._float_value(obj), lambda: ir.Constant(F64, 0.0), "sum_item")
            return x, valid

        def floats():
            total, ok = self._compensated_sum(self._float_value(item(ir.Constant(I64, 0))), float_at, count)
            return self.choose(ok, lambda: self.call("PyFloat_FromDouble", total), call, "sum_floats_done")

        def by_first_item():
            first = item(ir.Constant(I64, 0))
            return self.choose(is_exact(first, "float"), floats,
                               lambda: self.choose(is_exact(first, "int"),
                                                   lambda: self._int_items_sum(item, is_exact, count, call),
                                                   call, "sum_first_int"), "sum_first_float")

        empty = b.icmp_signed("==", count, ir.Constant(I64, 0))
        return self.choose(empty, lambda: self.call("PyLong_FromLongLong", ir.Constant(I64, 0)), by_first_item,
                           "sum_no_items")

    def _int_items_sum(self, item, is_exact, count, call):
        """The exact sum of exact ints, if every one and every partial sum fits in 64 bits (CPython's
        int path adds them in a C long too, and goes on with int objects past that: the same value,
        which the call then computes)."""
        b = self.b
        before = b.block
        header = self.fn.append_basic_block("sum_int_loop")
        body = self.fn.append_basic_block("sum_int_add")
        done = self.fn.append_basic_block("sum_int_done")
        b.branch(header)
        b.position_at_end(header)
        i, total, ok = b.phi(I64), b.phi(I64), b.phi(ir.IntType(1))
        i.add_incoming(ir.Constant(I64, 0), before)
        total.add_incoming(ir.Constant(I64, 0), before)
        ok.add_incoming(ir.Constant(ir.IntType(1), 1), before)
        b.cbranch(b.and_(ok, b.icmp_signed("<", i, count)), body, done)
        b.position_at_end(body)
        obj = item(i)
        is_int = is_exact(obj, "int")
        value, fits = self.choose(is_int, lambda: self.int64_of(obj),
                                  lambda: (ir.Constant(I64, 0), ir.Constant(ir.IntType(1), 0)), "sum_int_item")
        added, overflowed = self.checked_int_op("llvm.sadd.with.overflow", total, value)
        i.add_incoming(b.add(i, ir.Constant(I64, 1)), b.block)
        total.add_incoming(added, b.block)
        ok.add_incoming(b.and_(fits, b.not_(overflowed)), b.block)
        b.branch(header)
        b.position_at_end(done)
        return self.choose(ok, lambda: self.call("PyLong_FromLongLong", total), call, "sum_int_fits")
