"""Lowering of `str_of` and `percent_format` (passes/specialise_strings.py): the decimal digits of exact
ints written straight into a new compact ASCII str, and the interpreter's own calls for everything
else.

The digits are produced by `hw_decimal` (one per module): the magnitude as an unsigned 64-bit number,
so that -2**63 has one too, divided by 10 until nothing is left, written backwards from the end of a
24-byte buffer. A str made by PyUnicode_New(n, 127) is compact ASCII: its characters follow the
PyASCIIObject header (layout312.SIZEOF_ASCII_OBJECT), with the terminating NUL already in place.
"""
import ctypes

from llvmlite import ir

from hotwire.backend.capi import I1, I8, I32, I64, PTR
from hotwire.backend.layout312 import SIZEOF_ASCII_OBJECT

_DIGITS_BUFFER = 24   # "-9223372036854775808" is 20 characters


class StringOps:
    """Mixin for the function lowering."""

    def _decimal_fn(self):
        fn = self.module.globals.get("hw_decimal")
        if fn is not None:
            return fn
        fn = ir.Function(self.module, ir.FunctionType(I64, [I64, PTR]), "hw_decimal")
        fn.linkage = "internal"
        value, end = fn.args
        b = ir.IRBuilder(fn.append_basic_block("entry"))
        negative = b.icmp_signed("<", value, ir.Constant(I64, 0))
        magnitude = b.select(negative, b.sub(ir.Constant(I64, 0), value), value)
        start = b.block
        loop = fn.append_basic_block("digit")
        sign = fn.append_basic_block("sign")
        b.branch(loop)
        b.position_at_end(loop)
        rest = b.phi(I64)
        count = b.phi(I64)
        rest.add_incoming(magnitude, start)
        count.add_incoming(ir.Constant(I64, 0), start)
        digit = b.trunc(b.urem(rest, ir.Constant(I64, 10)), I8)
        after = b.add(count, ir.Constant(I64, 1))
        b.store(b.add(digit, ir.Constant(I8, ord("0"))), b.gep(end, [b.sub(ir.Constant(I64, 0), after)],
                                                               source_etype=I8))
        quotient = b.udiv(rest, ir.Constant(I64, 10))
        rest.add_incoming(quotient, loop)
        count.add_incoming(after, loop)
        b.cbranch(b.icmp_unsigned("==", quotient, ir.Constant(I64, 0)), sign, loop)
        b.position_at_end(sign)
        with b.if_then(negative):
            b.store(ir.Constant(I8, ord("-")), b.gep(end, [b.sub(ir.Constant(I64, -1), after)], source_etype=I8))
        b.ret(b.add(after, b.zext(negative, I64)))
        return fn

    def _memcpy(self, dst, src, n):
        fn = self.module.declare_intrinsic("llvm.memcpy", [PTR, PTR, I64])
        self.b.call(fn, [dst, src, n, ir.Constant(I1, 0)])

    def _exact_int64(self, obj):
        """(is an exact int that fits in 64 bits, its value); the value is meaningful only then."""
        is_int = self.b.icmp_unsigned("==", self.type_of(obj), self.const_ptr(int))
        value, fits = self.choose(is_int, lambda: self.int64_of(obj),
                                  lambda: (ir.Constant(I64, 0), ir.Constant(I1, 0)), "exact_int")
        return fits, value

    def _text_address(self, text):
        return self.owned_address(ctypes.create_string_buffer(text.encode("ascii")), "text", text)

    def _decimal_str(self, pieces, values):
        """A new str: pieces[0], digits of values[0], pieces[1], ... (NULL when out of memory)."""
        b = self.b
        digits = []
        total = ir.Constant(I64, sum(len(p) for p in pieces))
        for v in values:
            buf = self.alloca(I8, _DIGITS_BUFFER)
            end = b.gep(buf, [ir.Constant(I64, _DIGITS_BUFFER)], source_etype=I8)
            n = b.call(self._decimal_fn(), [v, end])
            digits.append((b.gep(end, [b.sub(ir.Constant(I64, 0), n)], source_etype=I8), n))
            total = b.add(total, n)
        s = self.call("PyUnicode_New", total, ir.Constant(I32, 127))
        made = self.fn.append_basic_block("str_made")
        done = self.fn.append_basic_block("str_done")
        b.cbranch(b.icmp_unsigned("==", s, ir.Constant(PTR, None)), done, made)
        b.position_at_end(made)
        p = b.gep(s, [ir.Constant(I64, SIZEOF_ASCII_OBJECT)], source_etype=I8)
        for i, piece in enumerate(pieces):
            if piece:
                self._memcpy(p, self._text_address(piece), ir.Constant(I64, len(piece)))
                p = b.gep(p, [ir.Constant(I64, len(piece))], source_etype=I8)
            if i < len(digits):
                src, n = digits[i]
                self._memcpy(p, src, n)
                p = b.gep(p, [n], source_etype=I8)
        b.branch(done)
        b.position_at_end(done)
        return s

    def lower_str_of(self, op):
        b = self.b
        _null, callable_, x = op.operands
        func, obj = self.v(callable_), self.v(x)
        self.set_line(op)

        def str_type():
            ok, value = self._exact_int64(obj)
            return self.choose(ok, lambda: self._decimal_str(["", ""], [value]),
                                 lambda: self.call("PyObject_Str", obj), "str_of_int")

        r = self.choose(b.icmp_unsigned("==", func, self.const_ptr(str)), str_type,
                        lambda: self.call_with_one_argument(func, obj), "str_of")
        for o in op.operands:
            self.release(o)
        self.values[op] = self.check_null(r, op)

    def lower_percent_format(self, op):
        b = self.b
        fmt, *items = op.operands
        self.set_line(op)
        all_ints = ir.Constant(I1, 1)
        values = []
        for item in items:
            ok, value = self._exact_int64(self.v(item))
            all_ints = b.and_(all_ints, ok)
            values.append(value)

        def interpreted():
            # What BUILD_TUPLE and BINARY_OP do: the tuple takes the items' references.
            tup = self.call("PyTuple_New", ir.Constant(I64, len(items)))
            made = self.fn.append_basic_block("format_tuple")
            failed = self.fn.append_basic_block("format_no_tuple")
            done = self.fn.append_basic_block("format_applied")
            b.cbranch(b.icmp_unsigned("==", tup, ir.Constant(PTR, None)), failed, made)
            b.position_at_end(failed)
            for item in items:
                self.release(item)
            b.branch(done)
            b.position_at_end(made)
            for i, item in enumerate(items):
                b.store(self.materialize(item), b.gep(tup, [ir.Constant(I64, 3 + i)], source_etype=PTR))
            r = self.call("PyNumber_Remainder", self.v(fmt), tup)
            self.decref(tup)
            made_end = b.block
            b.branch(done)
            b.position_at_end(done)
            result = b.phi(PTR)
            result.add_incoming(ir.Constant(PTR, None), failed)
            result.add_incoming(r, made_end)
            return result

        def written():
            r = self._decimal_str(op.pieces, values)
            for item in items:
                self.release(item)
            return r

        r = self.choose(all_ints, written, interpreted, "percent_format")
        self.release(fmt)
        self.values[op] = self.check_null(r, op)
