"""Lowering of terminators (jumps, branches, loops, return, deopt) and of sequence unpacking."""
from llvmlite import ir

from hotwire.backend.capi import I8, I64, PTR
from hotwire.backend.layout312 import off


class ControlOps:
    def lower_jump(self, op):
        target = op.targets[0]
        self._jump_args(target, op.args[0])
        self.b.branch(self.blocks[target])

    def lower_branch(self, op):
        t, f = op.targets
        self._jump_args(t, op.args[0])
        self._jump_args(f, op.args[1])
        self.b.cbranch(self.v(op.operands[0]), self.blocks[t], self.blocks[f])

    def lower_return(self, op):
        self.emit_return(self.v(op.operands[0]), op.offset, op.value_on_stack)

    def lower_deopt(self, op):
        self.b.branch(self.deopt_exit(op.deopt_state.offset, op.deopt_state.stack))

    def _exhausted(self, op, it):
        """FOR_ITER's exit: release the iterator and leave the loop."""
        self.decref(it)
        target = op.targets[1]
        self._jump_args(target, op.args[1])
        self.b.branch(self.blocks[target])

    def _next(self, op, value):
        target = op.targets[0]
        self._jump_args(target, list(op.args[0]) + [value])
        self.b.branch(self.blocks[target])

    def lower_for_iter(self, op):
        b = self.b
        it = self.v(op.operands[0])
        iternext_ty = ir.PointerType(ir.FunctionType(PTR, [PTR]))
        nextfn = self.load_field(self.type_of(it), "PyTypeObject.tp_iternext", iternext_ty)
        self.set_line(op)
        value = b.call(nextfn, [it])
        got = self.fn.append_basic_block("for_next")
        none = self.fn.append_basic_block("for_none")
        b.cbranch(b.icmp_unsigned("!=", value, ir.Constant(PTR, None)), got, none)
        b.position_at_end(got)
        self._next(op, value)
        b.position_at_end(none)
        err = self.call("PyErr_Occurred")
        errblk = self.fn.append_basic_block("for_err")
        done = self.fn.append_basic_block("for_done")
        b.cbranch(b.icmp_unsigned("!=", err, ir.Constant(PTR, None)), errblk, done)
        b.position_at_end(errblk)
        stop = self.call("PyErr_ExceptionMatches", self.const_ptr(StopIteration))
        real_error = self.fn.append_basic_block("for_raise")
        clear = self.fn.append_basic_block("for_stop")
        b.cbranch(b.icmp_signed("!=", stop, ir.Constant(stop.type, 0)), clear, real_error)
        b.position_at_end(clear)
        self.call("PyErr_Clear")
        b.branch(done)
        b.position_at_end(real_error)
        self.decref(it)
        b.branch(self.error_exit(op.error_state.offset, op.error_state.stack))
        b.position_at_end(done)
        self._exhausted(op, it)

    def lower_for_range(self, op):
        b = self.b
        it = self.v(op.operands[0])
        self.deopt_if(b.icmp_unsigned("!=", self.type_of(it), self.const_ptr(type(iter(range(0))))), op)
        length = self.load_field(it, "_PyRangeIterObject.len", I64)
        got = self.fn.append_basic_block("range_next")
        done = self.fn.append_basic_block("range_done")
        b.cbranch(b.icmp_signed(">", length, ir.Constant(I64, 0)), got, done)
        b.position_at_end(got)
        start = self.load_field(it, "_PyRangeIterObject.start", I64)
        step = self.load_field(it, "_PyRangeIterObject.step", I64)
        self.store_field(it, "_PyRangeIterObject.start", b.add(start, step))
        self.store_field(it, "_PyRangeIterObject.len", b.sub(length, ir.Constant(I64, 1)))
        self._next(op, start)
        b.position_at_end(done)
        self._exhausted(op, it)

    def lower_for_list(self, op):
        b = self.b
        it = self.v(op.operands[0])
        self.deopt_if(b.icmp_unsigned("!=", self.type_of(it), self.const_ptr(type(iter([])))), op)
        seq = self.load_field(it, "_PyListIterObject.it_seq", PTR)
        has_seq = b.icmp_unsigned("!=", seq, ir.Constant(PTR, None))
        check = self.fn.append_basic_block("list_check")
        got = self.fn.append_basic_block("list_next")
        finish = self.fn.append_basic_block("list_finish")
        done = self.fn.append_basic_block("list_done")
        b.cbranch(has_seq, check, done)
        b.position_at_end(check)
        index = self.load_field(it, "_PyListIterObject.it_index", I64)
        size = self.load_field(seq, "PyVarObject.ob_size", I64)
        b.cbranch(b.icmp_signed("<", index, size), got, finish)
        b.position_at_end(got)
        items = self.load_field(seq, "PyListObject.ob_item", PTR)
        value = b.load(b.gep(items, [index], source_etype=PTR), typ=PTR)
        self.incref(value)
        self.store_field(it, "_PyListIterObject.it_index", b.add(index, ir.Constant(I64, 1)))
        self._next(op, value)
        b.position_at_end(finish)
        self.store_field(it, "_PyListIterObject.it_seq", ir.Constant(PTR, None))
        self.decref(seq)
        b.branch(done)
        b.position_at_end(done)
        self._exhausted(op, it)

    def lower_unpack(self, op):
        """Exact tuple or list only; the sizes must fit. Anything else: the interpreter unpacks it."""
        b = self.b
        seq = self.v(op.operands[0])
        t = self.type_of(seq)
        is_tuple = b.icmp_unsigned("==", t, self.const_ptr(tuple))
        is_list = b.icmp_unsigned("==", t, self.const_ptr(list))
        self.deopt_if(b.not_(b.or_(is_tuple, is_list)), op)
        size = self.load_field(seq, "PyVarObject.ob_size", I64)
        if op.after < 0:
            bad = b.icmp_signed("!=", size, ir.Constant(I64, op.count))
        else:
            bad = b.icmp_signed("<", size, ir.Constant(I64, op.before + op.after))
        self.deopt_if(bad, op)
        tuple_items = self.field_ptr(seq, "PyTupleObject.ob_item")
        list_items = self.b.load(self.b.gep(seq, [ir.Constant(I64, off("PyListObject.ob_item"))], source_etype=I8), typ=PTR)
        items = b.select(is_tuple, tuple_items, list_items)
        results = []
        if op.after < 0:
            for i in range(op.count):
                results.append(self._item(items, ir.Constant(I64, i)))
        else:
            for i in range(op.before):
                results.append(self._item(items, ir.Constant(I64, i)))
            middle_len = b.sub(size, ir.Constant(I64, op.before + op.after))
            middle = self.call("PyList_New", middle_len)
            self.emit_copy_loop(b.gep(items, [ir.Constant(I64, op.before)], source_etype=PTR),
                                self.load_field(middle, "PyListObject.ob_item", PTR), middle_len)
            results.append(middle)
            for j in range(op.after):
                index = b.add(middle_len, ir.Constant(I64, op.before + j))
                results.append(self._item(items, index))
        self.decref(seq)
        self.pairs[op] = results

    def _item(self, items, index):
        v = self.b.load(self.b.gep(items, [index], source_etype=PTR), typ=PTR)
        self.incref(v)
        return v

    def lower_unpack_item(self, op):
        self.values[op] = self.pairs[op.operands[0]][op.index]

