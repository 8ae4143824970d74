"""Lowering of the generic object ops: each is a C-API call with the interpreter's refcount discipline.

Every op that can observe the frame (it may run arbitrary Python code) first stores its instruction
address in the frame (`set_line`), so a callee's `sys._getframe(1).f_lineno` is exact.
"""
import types

from llvmlite import ir

from hotwire.backend import namespace_records
from hotwire.backend.capi import F64, I8, I32, I64, PTR
from hotwire.backend.layout312 import PY_VECTORCALL_ARGUMENTS_OFFSET, is_immortal
from hotwire.backend.symbol_recipes import code_digest
from hotwire.backend.scheduled_gc import emit_run_scheduled_gc
from hotwire.ir.ops import LoadConst, LoadGlobal

_NB = ["Add", "And", "FloorDivide", "Lshift", "MatrixMultiply", "Multiply", "Remainder", "Or", "Power",
       "Rshift", "Subtract", "TrueDivide", "Xor"]
_UNARY = {"neg": "PyNumber_Negative", "invert": "PyNumber_Invert", "pos": "PyNumber_Positive"}
_CONVERSIONS = {1: "PyObject_Str", 2: "PyObject_Repr", 3: "PyObject_ASCII"}
_MAKE_FUNCTION_FIELDS = {1: "PyFunctionObject.func_defaults", 2: "PyFunctionObject.func_kwdefaults",
                         4: "PyFunctionObject.func_annotations", 8: "PyFunctionObject.func_closure"}


def binary_op_function(oper):
    return ("PyNumber_InPlace" if oper >= 13 else "PyNumber_") + _NB[oper % 13]


class ObjectOps:
    def _simple_call(self, op, fname, *extra_args, check="null"):
        """Call fname(operands..., extra...), release the operands, check the result."""
        self.set_line(op)
        r = self.call(fname, *[self.v(o) for o in op.operands], *extra_args)
        for o in op.operands:
            self.release(o)
        return self.check_null(r, op) if check == "null" else self.check_neg(r, op)

    def lower_binary_op(self, op):
        fname = binary_op_function(op.oper)
        extra = [self.const_ptr(None)] if fname.endswith("Power") else []
        self.values[op] = self._simple_call(op, fname, *extra)

    def lower_compare(self, op):
        self.values[op] = self._simple_call(op, "PyObject_RichCompare", ir.Constant(I32, op.oper))

    def lower_unary(self, op):
        self.values[op] = self._simple_call(op, _UNARY[op.oper])

    def lower_is(self, op):
        a, b_ = (self.v(o) for o in op.operands)
        r = self.b.icmp_unsigned("!=" if op.invert else "==", a, b_)
        for o in op.operands:
            self.release(o)
        self.values[op] = r

    def lower_contains(self, op):
        item, container = op.operands
        self.set_line(op)
        r = self.call("PySequence_Contains", self.v(container), self.v(item))
        self.release(item)
        self.release(container)
        self.check_neg(r, op)
        self.values[op] = self.b.icmp_signed("==" if op.invert else "!=", r, ir.Constant(I32, 0))

    def lower_not(self, op):
        self.values[op] = self.b.not_(self.v(op.operands[0]))

    def lower_box_bool(self, op):
        self.values[op] = self.b.select(self.v(op.operands[0]), self.const_ptr(True), self.const_ptr(False))

    def lower_truthy(self, op):
        b = self.b
        v = self.v(op.operands[0])
        is_true = b.icmp_unsigned("==", v, self.const_ptr(True))
        is_false = b.or_(b.icmp_unsigned("==", v, self.const_ptr(False)),
                         b.icmp_unsigned("==", v, self.const_ptr(None)))

        def is_true_call():
            self.set_line(op)
            r = self.call("PyObject_IsTrue", v)
            self.release(op.operands[0])
            self.check_neg(r, op)
            return b.icmp_signed("!=", r, ir.Constant(I32, 0))
        self.values[op] = self.fast_or_call(b.or_(is_true, is_false), is_true, is_true_call, "truthy")

    # ---- attributes and items -------------------------------------------------------------------

    def lower_get_attr(self, op):
        def generic():
            return self._simple_call(op, "PyObject_GetAttr", self.const_ptr(op.symbol))
        if self.cached_attr(op, ("instance_value", "slot", "with_hint")):
            self.values[op] = self.cached_get_attr(op, generic)
        else:
            self.values[op] = generic()

    def lower_load_super_attr(self, op):
        b = self.b
        global_super, class_, self_ = (self.v(o) for o in op.operands)
        argv = self.alloca(PTR, 2)
        b.store(class_, argv)
        b.store(self_, b.gep(argv, [ir.Constant(I64, 1)], source_etype=PTR))
        self.set_line(op)
        sup = self.call("PyObject_Vectorcall", global_super, argv, ir.Constant(I64, op.nargs), ir.Constant(PTR, None))
        for o in op.operands:
            self.release(o)
        self.check_null(sup, op)
        result = self.call("PyObject_GetAttr", sup, self.const_ptr(op.symbol))
        self.decref(sup)
        self.values[op] = self.check_null(result, op)

    def lower_load_method(self, op):
        def generic():
            b = self.b
            owner = self.v(op.operands[0])
            slot = self.alloca(PTR)
            b.store(ir.Constant(PTR, None), slot)  # _PyObject_GetMethod does not write it on AttributeError
            self.set_line(op)
            found = self.call("_PyObject_GetMethod", owner, self.const_ptr(op.symbol), slot)
            meth = b.load(slot, typ=PTR)
            is_method = b.icmp_signed("!=", found, ir.Constant(I32, 0))
            with b.if_then(b.not_(is_method)):
                self.decref(owner)
            self.check_null(meth, op)
            return [b.select(is_method, meth, ir.Constant(PTR, None)), b.select(is_method, owner, meth)]
        if self.cached_attr(op, ("method_",)):
            self.pairs[op] = tuple(self.cached_load_method(op, generic))
        else:
            self.pairs[op] = tuple(generic())

    def lower_method_func(self, op):
        self.values[op] = self.pairs[op.operands[0]][0]

    def lower_method_self(self, op):
        self.values[op] = self.pairs[op.operands[0]][1]

    def lower_set_attr(self, op):
        def generic():
            owner, value = op.operands
            self.set_line(op)
            r = self.call("PyObject_SetAttr", self.v(owner), self.const_ptr(op.symbol), self.v(value))
            self.release(owner)
            self.release(value)
            self.check_neg(r, op)
        if self.cached_attr(op, ("instance_value", "slot")):
            self.cached_set_attr(op, generic)
        else:
            generic()

    def lower_del_attr(self, op):
        self.set_line(op)
        r = self.call("PyObject_SetAttr", self.v(op.operands[0]), self.const_ptr(op.symbol),
                      ir.Constant(PTR, None))
        self.release(op.operands[0])
        self.check_neg(r, op)

    def lower_get_item(self, op):
        self.values[op] = self._simple_call(op, "PyObject_GetItem")

    def lower_set_item(self, op):
        container, key, value = op.operands
        self.set_line(op)
        r = self.call("PyObject_SetItem", self.v(container), self.v(key), self.v(value))
        for o in op.operands:
            self.release(o)
        self.check_neg(r, op)

    def lower_del_item(self, op):
        self._simple_call(op, "PyObject_DelItem", check="neg")

    def lower_build_slice(self, op):
        self.values[op] = self._simple_call(op, "PySlice_New")

    # ---- calls -----------------------------------------------------------------------------------

    def alloca(self, typ, count=1):
        with self.b.goto_entry_block():
            return self.b.alloca(typ, size=count)

    def call_with_one_argument(self, func, arg):
        """func(arg) through vectorcall (with a free slot before the argument, as the interpreter's)."""
        b = self.b
        arr = self.alloca(PTR, 2)
        b.store(arg, b.gep(arr, [ir.Constant(I64, 1)], source_etype=PTR))
        argv = b.gep(arr, [ir.Constant(I64, 1)], source_etype=PTR)
        return self.call("PyObject_Vectorcall", func, argv, ir.Constant(I64, 1 | PY_VECTORCALL_ARGUMENTS_OFFSET),
                         ir.Constant(PTR, None))

    def lower_call(self, op):
        b = self.b
        method, callable_, *args = op.operands
        nkw = len(op.kwnames) if op.kwnames else 0
        kwnames = self.const_ptr(op.kwnames) if op.kwnames else ir.Constant(PTR, None)
        n = len(args)
        arr = self.alloca(PTR, n + 2)
        for i, a in enumerate(args):
            b.store(self.v(a), b.gep(arr, [ir.Constant(I64, i + 2)], source_etype=PTR))
        b.store(self.v(callable_), b.gep(arr, [ir.Constant(I64, 1)], source_etype=PTR))
        flag = ir.Constant(I64, PY_VECTORCALL_ARGUMENTS_OFFSET)
        if type(method).__name__ == "Null":
            func, argv, nargs = self.v(callable_), b.gep(arr, [ir.Constant(I64, 2)], source_etype=PTR), n - nkw
            nargs = ir.Constant(I64, nargs)
        else:
            m = self.v(method)
            has = b.icmp_unsigned("!=", m, ir.Constant(PTR, None))
            func = b.select(has, m, self.v(callable_))
            argv = b.select(has, b.gep(arr, [ir.Constant(I64, 1)], source_etype=PTR),
                            b.gep(arr, [ir.Constant(I64, 2)], source_etype=PTR))
            nargs = b.select(has, ir.Constant(I64, n - nkw + 1), ir.Constant(I64, n - nkw))
        self.set_line(op)
        if op.kwnames or not self.may_call_itself(callable_):
            r = self.call("PyObject_Vectorcall", func, argv, b.or_(nargs, flag), kwnames)
        else:
            r = self.call_maybe_recursive(func, argv, nargs, flag)
        for o in op.operands:
            self.release(o)
        self.values[op] = self.check_null(r, op)

    def lower_call_pure(self, op):
        """The callee's frameless clone while the callable is that function and the arguments are
        small ints; else (or when the clone gives up) the real call, whose result is unboxed when it
        has the clone's type, and otherwise handed to the interpreter after the call."""
        b = self.b
        null, func, *args = op.operands
        plan = op.plan
        clone = self.pure_clone(op.callee_ir, op.callee.__code__, plan)
        self.set_line(op)
        emit_run_scheduled_gc(self)   # before the checks: a finalizer may rebind what they check
        real_call = self.fn.append_basic_block("call_pure_real")
        done = self.fn.append_basic_block("call_pure_done")
        # The callable must be a function running the clone's code in our namespace (not the callee
        # object itself: holding it would keep its module alive as long as this code lives).
        is_function = self.fn.append_basic_block("call_pure_function")
        checked = self.fn.append_basic_block("call_pure_code")
        # A clone runs no frame: while a debugger or profiler listens, the call is made for real.
        b.cbranch(b.and_(b.icmp_unsigned("==", self.type_of(self.v(func)), self.const_ptr(types.FunctionType)),
                         b.not_(self.emit_monitored(b, self.tstate))),
                  is_function, real_call)
        b.position_at_end(is_function)
        same = b.and_(
            b.icmp_unsigned("==", self.load_field(self.v(func), "PyFunctionObject.func_code", PTR),
                            self.load_address_while_alive(op.callee.__code__, self._callee_recipe(op))),
            self.in_this_namespace(self.v(func)))
        b.cbranch(same, checked, real_call)
        b.position_at_end(checked)
        if plan.self_name is not None:
            cell = self.global_cell(plan.self_name)
            recursion_bound = self.fn.append_basic_block("call_pure_self")
            b.cbranch(b.icmp_unsigned("==", b.load(cell, typ=PTR), self.v(func)), recursion_bound, real_call)
            b.position_at_end(recursion_bound)
        fast = clone.emit_call([self.v(a) for a in args], real_call)
        for o in op.operands:
            self.release(o)
        fast_end = b.block
        b.branch(done)
        b.position_at_end(real_call)
        self.set_line(op)
        arr = self.alloca(PTR, len(args) + 1)
        for i, a in enumerate(args):
            b.store(self.v(a), b.gep(arr, [ir.Constant(I64, i + 1)], source_etype=PTR))
        argv = b.gep(arr, [ir.Constant(I64, 1)], source_etype=PTR)
        nargsf = ir.Constant(I64, len(args) | PY_VECTORCALL_ARGUMENTS_OFFSET)
        result = self.call("PyObject_Vectorcall", self.v(func), argv, nargsf, ir.Constant(PTR, None))
        for o in op.operands:
            self.release(o)
        self.check_null(result, op)
        expected = float if op.type == "f64" else int
        after = op.deopt_state
        handed_over = self.deopt_exit(after.offset, after.stack, pushed=[result])
        unboxed = self.fn.append_basic_block("call_pure_unbox")
        b.cbranch(b.icmp_unsigned("==", self.type_of(result), self.const_ptr(expected)), unboxed, handed_over)
        b.position_at_end(unboxed)
        if expected is float:
            slow = self.load_field(result, "PyFloatObject.ob_fval", F64)
        else:
            slow, fits = self.int64_of(result)
            self.branch_if(b.not_(fits), handed_over)
        self.decref(result)
        slow_end = b.block
        b.branch(done)
        b.position_at_end(done)
        value = b.phi(fast.type)
        value.add_incoming(fast, fast_end)
        value.add_incoming(slow, slow_end)
        self.values[op] = value

    def _callee_recipe(self, op):
        """How another process finds the code whose clone call_pure inlined: by the global name the
        call reads, checked against the code's digest (link_symbols: "global_code")."""
        callable_ = op.operands[1]
        if not isinstance(callable_, LoadGlobal):
            self.symbols.not_cacheable("it calls a frameless clone not named by a global")
            return None
        return ("global_code", callable_.symbol, code_digest(op.callee.__code__))

    def may_call_itself(self, callable_):
        """A call of the global that bears this function's own name: recursion, worth a direct path
        (any other callee gets the plain vectorcall, and costs no code for a check it would fail)."""
        return isinstance(callable_, LoadGlobal) and callable_.symbol == self.code.co_name

    def call_maybe_recursive(self, func, argv, nargs, flag):
        """A call of a function running this very code in the same namespace (recursion) enters our
        own body directly: no vectorcall dispatch, no entry checks, no thread-state lookup."""
        b = self.b
        direct = self.fn.append_basic_block("self_call")
        generic = self.fn.append_basic_block("vectorcall")
        done = self.fn.append_basic_block("call_done")
        self.branch_if_this_function(func, direct, generic)
        b.position_at_end(direct)
        r_direct = b.call(self.fn, [self.tstate, func, self.ns, argv, nargs, ir.Constant(PTR, None),
                                     ir.Constant(I64, 0)])
        b.branch(done)
        b.position_at_end(generic)
        r_generic = self.call("PyObject_Vectorcall", func, argv, b.or_(nargs, flag), ir.Constant(PTR, None))
        b.branch(done)
        b.position_at_end(done)
        r = b.phi(PTR)
        r.add_incoming(r_direct, direct)
        r.add_incoming(r_generic, generic)
        return r

    def branch_if_this_function(self, func, yes, no):
        """Branch to `yes` when `func` is a function running this very code in the same globals and
        builtins (what this compiled code, and its global cache cells, were made for)."""
        b = self.b
        check = self.fn.append_basic_block("same_function_check")
        b.cbranch(b.icmp_unsigned("==", self.type_of(func), self.const_ptr(types.FunctionType)), check, no)
        b.position_at_end(check)
        same = b.icmp_unsigned("==", self.load_field(func, "PyFunctionObject.func_code", PTR), self.const_ptr(self.code))
        b.cbranch(b.and_(same, self.in_this_namespace(func)), yes, no)

    def in_this_namespace(self, func):
        """True when the function `func` has the globals and builtins of the running call (those of
        its namespace record, whose cells this code reads)."""
        b = self.b
        return b.and_(
            b.icmp_unsigned("==", self.load_field(func, "PyFunctionObject.func_globals", PTR),
                            self.record_field(namespace_records.GLOBALS)),
            b.icmp_unsigned("==", self.load_field(func, "PyFunctionObject.func_builtins", PTR),
                            self.record_field(namespace_records.BUILTINS)))

    def lower_call_ex(self, op):
        """CALL_FUNCTION_EX as the interpreter runs it: `*args` other than a tuple is made a tuple
        (PySequence_Tuple, whose errors are the interpreter's); one that is not iterable at all
        deopts, so that the interpreter raises its TypeError naming the function."""
        b = self.b
        unused, func, args, kwargs = op.operands
        a = self.v(args)
        is_tuple = b.icmp_unsigned("==", self.type_of(a), self.const_ptr(tuple))
        self.set_line(op)
        convert = self.fn.append_basic_block("call_ex_convert")
        call = self.fn.append_basic_block("call_ex_call")
        start = b.block
        b.cbranch(is_tuple, call, convert)
        b.position_at_end(convert)
        has_iter = b.icmp_unsigned("!=", self.load_field(self.type_of(a), "PyTypeObject.tp_iter", PTR),
                                   ir.Constant(PTR, None))
        iterable = b.or_(has_iter, b.icmp_signed("!=", self.call("PySequence_Check", a), ir.Constant(I32, 0)))
        self.deopt_if(b.not_(iterable), op)
        converted = self.call("PySequence_Tuple", a)
        self.release(args)
        failed = self.fn.append_basic_block("call_ex_failed")
        b.cbranch(b.icmp_unsigned("==", converted, ir.Constant(PTR, None)), failed, call)
        converted_end = b.block
        b.position_at_end(failed)
        for o in (unused, func, kwargs):
            self.release(o)
        b.branch(self.error_exit(op.error_state.offset, op.error_state.stack))
        b.position_at_end(call)
        tup = b.phi(PTR)
        tup.add_incoming(a, start)
        tup.add_incoming(converted, converted_end)
        r = self.call("PyObject_Call", self.v(func), tup, self.v(kwargs))
        self.decref(tup)
        for o in (unused, func, kwargs):
            self.release(o)
        self.values[op] = self.check_null(r, op)

    def lower_make_function(self, op):
        code, *extras = op.operands
        f = self.call("PyFunction_New", self.v(code), self.globals)
        self.release(code)
        flags = [flag for flag in (1, 2, 4, 8) if op.flags & flag]
        fail = self.fn.append_basic_block()
        ok = self.fn.append_basic_block()
        self.b.cbranch(self.b.icmp_unsigned("==", f, ir.Constant(PTR, None)), fail, ok)
        self.b.position_at_end(fail)
        for e in extras:
            self.release(e)
        self.b.branch(self.error_exit(op.error_state.offset, op.error_state.stack))
        self.b.position_at_end(ok)
        for flag, extra in zip(flags, extras):
            # Stored as MAKE_FUNCTION does (stealing; annotations stay a tuple until first read).
            self.store_field(f, _MAKE_FUNCTION_FIELDS[flag], self.v(extra))
        self.values[op] = f

    # ---- building --------------------------------------------------------------------------------

    def _fill(self, container, items, base_ptr):
        for i, item in enumerate(items):
            self.b.store(self.v(item), self.b.gep(base_ptr, [ir.Constant(I64, 8 * i)], source_etype=I8))

    def _new_or_release(self, op, result, items):
        fail = self.fn.append_basic_block()
        ok = self.fn.append_basic_block()
        self.b.cbranch(self.b.icmp_unsigned("==", result, ir.Constant(PTR, None)), fail, ok)
        self.b.position_at_end(fail)
        for item in items:
            self.release(item)
        self.b.branch(self.error_exit(op.error_state.offset, op.error_state.stack))
        self.b.position_at_end(ok)

    def lower_build_tuple(self, op):
        t = self.call("PyTuple_New", ir.Constant(I64, len(op.operands)))
        self._new_or_release(op, t, op.operands)
        self._fill(t, op.operands, self.field_ptr(t, "PyTupleObject.ob_item"))
        self.values[op] = t

    def lower_build_list(self, op):
        lst = self.call("PyList_New", ir.Constant(I64, len(op.operands)))
        self._new_or_release(op, lst, op.operands)
        if op.operands:
            self._fill(lst, op.operands, self.load_field(lst, "PyListObject.ob_item", PTR))
        self.values[op] = lst

    def _add_each(self, op, container, pairs, fname):
        """container.add(*pair) for each pair; on failure release the rest and the container."""
        for i, pair in enumerate(pairs):
            self.set_line(op)
            r = self.call(fname, container, *[self.v(x) for x in pair])
            for x in pair:
                self.release(x)
            fail = self.fn.append_basic_block()
            ok = self.fn.append_basic_block()
            self.b.cbranch(self.b.icmp_signed("<", r, ir.Constant(I32, 0)), fail, ok)
            self.b.position_at_end(fail)
            for rest in pairs[i + 1:]:
                for x in rest:
                    self.release(x)
            self.decref(container)
            self.b.branch(self.error_exit(op.error_state.offset, op.error_state.stack))
            self.b.position_at_end(ok)

    def lower_build_set(self, op):
        s = self.call("PySet_New", ir.Constant(PTR, None))
        self._new_or_release(op, s, op.operands)
        self._add_each(op, s, [(x,) for x in op.operands], "PySet_Add")
        self.values[op] = s

    def lower_build_map(self, op):
        d = self.call("PyDict_New")
        self._new_or_release(op, d, op.operands)
        pairs = [tuple(op.operands[i:i + 2]) for i in range(0, len(op.operands), 2)]
        self._add_each(op, d, pairs, "PyDict_SetItem")
        self.values[op] = d

    def lower_build_const_key_map(self, op):
        *values, keys = op.operands
        d = self.call("PyDict_New")
        self._new_or_release(op, d, op.operands)
        key_consts = [self.irfn_const(keys, i) for i in range(len(values))]
        self._add_each(op, d, list(zip(key_consts, values)), "PyDict_SetItem")
        self.release(keys)
        self.values[op] = d

    def irfn_const(self, keys_op, i):
        """A synthetic IR constant for item i of a constant keys tuple (borrowed: immortal or kept)."""
        c = LoadConst(value=keys_op.value[i])
        self.values[c] = self.const_ptr(keys_op.value[i])
        if not is_immortal(keys_op.value[i]):
            self.incref(self.values[c])
        return c

    def lower_build_string(self, op):
        n = len(op.operands)
        arr = self.alloca(PTR, max(n, 1))
        for i, item in enumerate(op.operands):
            self.b.store(self.v(item), self.b.gep(arr, [ir.Constant(I64, i)], source_etype=PTR))
        r = self.call("_PyUnicode_JoinArray", self.const_ptr(""), arr, ir.Constant(I64, n))
        for item in op.operands:
            self.release(item)
        self.values[op] = self.check_null(r, op)

    def _container_call(self, op, fname, *args, check="neg"):
        self.set_line(op)
        r = self.call(fname, *args)
        for item in op.operands[1:]:
            self.release(item)
        if check == "none":
            r = self.check_null(r, op)
            self.decref(r)
        else:
            self.check_neg(r, op)

    def lower_list_append(self, op):
        self._container_call(op, "PyList_Append", *(self.v(o) for o in op.operands))

    def lower_set_add(self, op):
        self._container_call(op, "PySet_Add", *(self.v(o) for o in op.operands))

    def lower_map_add(self, op):
        self._container_call(op, "PyDict_SetItem", *(self.v(o) for o in op.operands))

    def lower_container_update(self, op):
        b = self.b
        container, item = (self.v(o) for o in op.operands)
        t = self.type_of(item)
        if op.kind == "list_extend":
            ok = b.or_(b.icmp_unsigned("==", t, self.const_ptr(list)), b.icmp_unsigned("==", t, self.const_ptr(tuple)))
            self.deopt_if(b.not_(ok), op)
            self._container_call(op, "_PyList_Extend", container, item, check="none")
        elif op.kind == "set_update":
            self._container_call(op, "_PySet_Update", container, item)
        else:
            ok = b.icmp_unsigned("==", t, self.const_ptr(dict))
            if op.kind == "dict_merge":
                # Merging into a non-empty dict can fail half-way on a duplicate keyword, which only
                # the interpreter reports exactly: leave that case to it.
                empty = b.icmp_signed("==", self.load_field(container, "PyDictObject.ma_used", I64), ir.Constant(I64, 0))
                ok = b.and_(ok, empty)
            self.deopt_if(b.not_(ok), op)
            self._container_call(op, "PyDict_Update", container, item)

    def lower_list_to_tuple(self, op):
        self.values[op] = self._simple_call(op, "PyList_AsTuple")

    def lower_format(self, op):
        b = self.b
        value, spec = op.operands
        v = self.v(value)
        self.set_line(op)
        if op.conversion:
            conv = self.call(_CONVERSIONS[op.conversion], v)
            self.release(value)
            fail = self.fn.append_basic_block()
            ok = self.fn.append_basic_block()
            b.cbranch(b.icmp_unsigned("==", conv, ir.Constant(PTR, None)), fail, ok)
            b.position_at_end(fail)
            self.release(spec)
            b.branch(self.error_exit(op.error_state.offset, op.error_state.stack))
            b.position_at_end(ok)
            v = conv
        s = self.v(spec)
        passthrough = b.and_(b.icmp_unsigned("==", s, ir.Constant(PTR, None)),
                             b.icmp_unsigned("==", self.type_of(v), self.const_ptr(str)))

        def format_call():
            r = self.call("PyObject_Format", v, s)
            self.decref(v)
            self.release(spec)
            return self.check_null(r, op)
        self.values[op] = self.fast_or_call(passthrough, v, format_call, "format")

    def lower_get_iter(self, op):
        self.values[op] = self._simple_call(op, "PyObject_GetIter")

    def lower_check_monitoring(self, op):
        self.deopt_if(self.emit_monitored(self.b, self.tstate), op)

    def lower_check_eval_breaker(self, op):
        """Signals and pending calls (Py_MakePendingCalls), a scheduled collection (scheduled_gc.py),
        then the GIL offered to other threads (taking it back recomputes eval_breaker). Whatever is
        still asked for then, an asynchronous exception, has no C API: the interpreter's JUMP_BACKWARD
        handles it, and the call goes on in the interpreter."""
        b = self.b
        interp = self.load_field(self.tstate, "PyThreadState.interp", PTR)
        breaker = self.field_ptr(interp, "PyInterpreterState.ceval.eval_breaker")
        flag = b.load_atomic(breaker, "monotonic", 4, typ=I32)
        with b.if_then(b.icmp_unsigned("!=", flag, ir.Constant(I32, 0)), likely=False):
            self.set_line(op)
            self.check_neg(self.call("Py_MakePendingCalls"), op)
            emit_run_scheduled_gc(self)
            saved = self.call("PyEval_SaveThread")
            self.call("PyEval_RestoreThread", saved)
            still = b.load_atomic(breaker, "monotonic", 4, typ=I32)
            self.deopt_if(b.icmp_unsigned("!=", still, ir.Constant(I32, 0)), op)
