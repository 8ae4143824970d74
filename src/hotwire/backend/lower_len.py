"""Lowering of `len_of` (passes/specialise_len.py): a length read from the object.

What the builtin len returns for the exact types below is a field of the object (Objects/*.c: the
types' length slots): a str's `length` (PyASCIIObject, whatever its kind), the `ob_size` of a list,
tuple or bytes, a dict's `ma_used`. For anything else, or another callable, the call runs as the
interpreter makes it; an exact int result that fits in 64 bits is unboxed, any other result is handed
to the interpreter after the call (`deopt_state`), with the object on its stack.
"""
from llvmlite import ir

from hotwire.backend.capi import I64
from hotwire.backend.symbol_recipes import KNOWN

# The exact types whose length is one field, and where it is (symbol_recipes.KNOWN: the objects found
# without a name the program may have rebound; so is the builtin len).
_LENGTH_FIELDS = (("str", "PyASCIIObject.length"), ("list", "PyVarObject.ob_size"),
                  ("tuple", "PyVarObject.ob_size"), ("bytes", "PyVarObject.ob_size"), ("dict", "PyDictObject.ma_used"))


class LenOps:
    def lower_len_of(self, op):
        b = self.b
        _null, callable_, x = op.operands
        func, obj = self.v(callable_), self.v(x)
        self.set_line(op)
        type_ = self.type_of(obj)
        done = self.fn.append_basic_block("len_of_done")
        read_field = self.fn.append_basic_block("len_of_builtin")
        read = self.fn.append_basic_block("len_of_read")
        called = self.fn.append_basic_block("len_of_call")
        fields = []
        if "len" in KNOWN:
            b.cbranch(b.icmp_unsigned("==", func, self.const_ptr(KNOWN["len"])), read_field, called)
        else:
            b.branch(called)
        b.position_at_end(read_field)
        for kind, field in _LENGTH_FIELDS:
            this = self.fn.append_basic_block(f"len_of_{kind}")
            following = self.fn.append_basic_block(f"len_of_not_{kind}")
            b.cbranch(b.icmp_unsigned("==", type_, self.const_ptr(KNOWN[kind])), this, following)
            b.position_at_end(this)
            fields.append((self.load_field(obj, field, I64), b.block))
            b.branch(read)
            b.position_at_end(following)
        b.branch(called)
        b.position_at_end(read)
        length = b.phi(I64)
        for v, blk in fields:
            length.add_incoming(v, blk)
        for o in op.operands:
            self.release(o)
        incoming = [(length, b.block)]
        b.branch(done)
        b.position_at_end(called)
        result = self.call_with_one_argument(func, obj)
        for o in op.operands:
            self.release(o)
        self.check_null(result, op)
        after = op.deopt_state
        handed_over = self.deopt_exit(after.offset, after.stack, pushed=[result])
        unboxed = self.fn.append_basic_block("len_of_unbox")
        b.cbranch(b.icmp_unsigned("==", self.type_of(result), self.const_ptr(KNOWN["int"])), unboxed, handed_over)
        b.position_at_end(unboxed)
        value, fits = self.int64_of(result)
        self.branch_if(b.not_(fits), handed_over)
        self.decref(result)
        incoming.append((value, b.block))
        b.branch(done)
        b.position_at_end(done)
        merged = b.phi(I64)
        for v, blk in incoming:
            merged.add_incoming(v, blk)
        self.values[op] = merged
