"""Lowering of `sum_of` (passes/specialise_sum.py): `sum(itertools.repeat(x, n))` without an iterator.

What 3.12's builtin sum does with the default start 0 (builtin_sum_impl, Python/bltinmodule.c): its int
path takes the first item; a float is not an int, so the result becomes `0 + x`, a float, and the
float path goes on from there with Neumaier's compensated summation: for each further item `t = f + x`,
the lost low part is added to `c` (`(f - t) + x` when |f| >= |x|, else `(x - t) + f`), `f = t`; at the end
`f + c` if `c` is non-zero and finite. The loop below makes exactly those additions, in that order, in
registers (no fast-math: LLVM may not reassociate them). An int element's sum is exact whatever the
order: the element times the count. No items (n = 0): the start, int 0. The repeat object is left
exhausted (count 0), as iterating it to the end leaves it.

The repeat object's layout (Modules/itertoolsmodule.c, not in any header): after PyObject_HEAD, the
element and a Py_ssize_t count, -1 when infinite. `repeat_layout_holds` checks it on a live object
(once per process); if it does not hold, `sum_of` is lowered as the plain call.
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
    """The builtin sum and the repeat type were found, and a repeat's element and count are where
    this module reads them."""
    if "sum" not in KNOWN or "itertools.repeat" not in KNOWN:
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

        if not repeat_layout_holds():
            r = call()
            for o in op.operands:
                self.release(o)
            self.values[op] = self.check_null(r, op)
            return
        is_sum = b.icmp_unsigned("==", func, self.const_ptr(KNOWN["sum"]))
        is_repeat = b.icmp_unsigned("==", self.type_of(obj), self.const_ptr(KNOWN["itertools.repeat"]))
        r = self.choose(b.and_(is_sum, is_repeat), lambda: self._sum_of_repeat(obj, call), call, "sum_of")
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
        b = self.b
        fabs = self.module.declare_intrinsic("llvm.fabs", [F64])
        x = b.load(b.gep(element, [ir.Constant(I64, off("PyFloatObject.ob_fval"))], source_etype=ir.IntType(8)),
                   typ=F64)
        first = b.fadd(ir.Constant(F64, 0.0), x)   # int 0 + x: the start converted to 0.0
        before = b.block
        header = self.fn.append_basic_block("sum_float_loop")
        body = self.fn.append_basic_block("sum_float_add")
        done = self.fn.append_basic_block("sum_float_done")
        b.branch(header)
        b.position_at_end(header)
        i = b.phi(I64)
        f = b.phi(F64)
        c = b.phi(F64)
        i.add_incoming(ir.Constant(I64, 1), before)
        f.add_incoming(first, before)
        c.add_incoming(ir.Constant(F64, 0.0), before)
        b.cbranch(b.icmp_signed("<", i, count), body, done)
        b.position_at_end(body)
        t = b.fadd(f, x)
        larger = b.fcmp_ordered(">=", b.call(fabs, [f]), b.call(fabs, [x]))
        low = b.select(larger, b.fadd(b.fsub(f, t), x), b.fadd(b.fsub(x, t), f))
        i.add_incoming(b.add(i, ir.Constant(I64, 1)), body)
        f.add_incoming(t, body)
        c.add_incoming(b.fadd(c, low), body)
        b.branch(header)
        b.position_at_end(done)
        nonzero = b.fcmp_unordered("!=", c, ir.Constant(F64, 0.0))
        finite = b.fcmp_ordered("!=", b.call(fabs, [c]), ir.Constant(F64, float("inf")))
        compensate = b.and_(nonzero, finite)
        total = b.select(compensate, b.fadd(f, c), f)
        return self.call("PyFloat_FromDouble", total)

