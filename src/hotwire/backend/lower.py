"""IR -> LLVM IR. One method per op, `lower_<opname>`, in the order of ir/ops.py.

Generic ops call the C API with CPython's own reference-counting discipline (see ops.py: stolen operands
are released right after the call, success or not) and check the result for NULL / -1; a failure jumps
to the op's error exit (frame_abi.py). Specialised ops work on unboxed i64/f64 with guards whose failure
jumps to a deopt exit. Objects the code refers to (constants, names, types, the code object) are
embedded as addresses and kept alive by the compiled unit (`keepalive`).
"""
import ctypes
import secrets
import weakref

from llvmlite import ir

from hotwire.backend import capi
from hotwire.backend.capi import F64, I1, I8, I32, I64, PTR
from hotwire.backend.frame_abi import FrameABI
from hotwire.backend.lower_attr_caches import AttrCaches
from hotwire.backend.lower_control import ControlOps
from hotwire.backend.layout312 import is_immortal, off
from hotwire.backend.lower_objects import ObjectOps
from hotwire.backend.lower_strings import StringOps
from hotwire.backend.lower_len import LenOps
from hotwire.backend.lower_sum import SumOps
from hotwire.backend.lower_unboxed import UnboxedOps
from hotwire.backend.osr_entry import OSREntry
from hotwire.backend import namespace_records
from hotwire.backend.link_symbols import Symbols
from hotwire.backend.symbol_recipes import interpreter_state
from hotwire.backend.pure_clone import PureClone
from hotwire.ir import ops as irops
from hotwire.passes.manager import disabled_passes
from hotwire.passes.pure_plan import clone_plan


SMALL_FUNCTION_OPS = 400


def _read_i32(address):
    return ctypes.c_int32.from_address(address).value


class Lowering(FrameABI, OSREntry, ObjectOps, AttrCaches, ControlOps, UnboxedOps, StringOps, LenOps,
               SumOps):
    def __init__(self, irfn, module_name, own_tool_mask=0):
        self.irfn = irfn
        self.code = irfn.code
        self.module = ir.Module(module_name)
        self.name = "hw_" + secrets.token_hex(8)   # unique in any process that may load this code
        self.symbols = Symbols(self.module, self.code, self.name[3:])
        # Objects the machine code refers to. Not the code object: compiled code runs only for a
        # function holding that code, so it lives as long as it can be needed, and dies with it.
        self.keepalive = []
        self.own_tool_mask = own_tool_mask
        self.nlocalsplus = _read_i32(id(self.code) + off("PyCodeObject.co_nlocalsplus"))
        self.code_framesize = _read_i32(id(self.code) + off("PyCodeObject.co_framesize"))
        self._capi = {}
        self._pure_clones = {}
        self.use_attr_caches = "attr_caches" not in disabled_passes()
        self.values = {}
        self.pairs = {}
        # The global names this code reads through cache cells, in the order of a namespace record's
        # cells, and the unit's table of records (backend/namespace_records.py).
        self.global_names = []
        self.deopt_counters = []   # (resume offset, ctypes counter) per deopt exit
        self.namespace_table = namespace_records.new_table()
        # OSR entries taken, and OSR runs that ended in a deopt (backend/osr_entry.py).
        self.osr_entries = ctypes.c_uint64(0)
        self.osr_deopts = ctypes.c_uint64(0)
        self.keepalive.extend((self.namespace_table, self.osr_entries, self.osr_deopts))
        self._define_refcount_helpers()

    # ---- small helpers -----------------------------------------------------------------------------

    def capi_fn(self, name):
        fn = self._capi.get(name)
        if fn is None:
            fn = ir.Function(self.module, capi.function_type(name), name)
            self._capi[name] = fn
        return fn

    def call(self, name, *args):
        return self.b.call(self.capi_fn(name), list(args))

    def const_ptr(self, obj):
        if obj is not self.code:
            self.keepalive.append(obj)
        return self.symbols.of_object(obj)

    def owned_address(self, ctypes_obj, *role):
        """The address of a ctypes object the unit owns (a counter, a table, some text), which a
        process that loads this code makes anew (link_symbols: a "buffer" recipe)."""
        self.keepalive.append(ctypes_obj)
        return self.symbols.address(ctypes.addressof(ctypes_obj), ("buffer",) + role)

    def interp_address(self, offset):
        return self.symbols.address(interpreter_state() + offset, ("interp", offset))

    def load_address_while_alive(self, obj, recipe):
        """`obj`'s address, loaded from a cell that becomes NULL when `obj` dies, for an identity
        check against an object this unit must not keep alive (a caller's unit holding its callee's
        code would keep the pair alive forever when they call each other). A dead object's address can
        be reused by a new one, so a plain embedded address could pass the check for the wrong object;
        the cell is cleared by a weak reference's callback, and no live object has address NULL."""
        cell = ctypes.c_void_p(id(obj))

        def forget(_ref, cell=cell):
            cell.value = None

        self.keepalive.extend((cell, weakref.ref(obj, forget)))
        return self.b.load(self.symbols.address(ctypes.addressof(cell), recipe), typ=PTR)

    def global_cell(self, name):
        """The address of `name`'s cache cell in the namespace of the running call, read from the
        namespace record the entry found (constant while the call runs, so LLVM may hoist it)."""
        if name not in self.global_names:
            self.global_names.append(name)
        return self.record_field(namespace_records.FIRST_CELL + self.global_names.index(name))

    def record_field(self, index):
        load = self.b.load(self.b.gep(self.ns, [ir.Constant(I64, index)], source_etype=PTR), typ=PTR)
        load.set_metadata("invariant.load", self.module.add_metadata([]))
        return load

    def field_ptr(self, base, name):
        return self.b.gep(base, [ir.Constant(I64, off(name))], source_etype=I8)

    def load_field(self, base, name, typ):
        return self.b.load(self.field_ptr(base, name), typ=typ)

    def store_field(self, base, name, value):
        self.b.store(value, self.field_ptr(base, name))

    def slot_ptr(self, index):
        return self.b.gep(self.frame, [ir.Constant(I64, off("_PyInterpreterFrame.localsplus") + 8 * index)],
                          source_etype=I8)

    def instr_ptr(self, offset):
        """Address of the code unit at byte `offset` of co_code_adaptive."""
        return self.symbols.offset(self.const_ptr(self.code), off("PyCodeObject.co_code_adaptive") + offset)

    def type_of(self, v):
        return self.load_field(v, "PyObject.ob_type", PTR)

    def _define_refcount_helpers(self):
        """Py_INCREF / Py_DECREF / Py_XDECREF of 3.12, immortal objects included, inlined by LLVM."""
        m = self.module
        inc = ir.Function(m, ir.FunctionType(ir.VoidType(), [PTR]), "hw_incref")
        dec = ir.Function(m, ir.FunctionType(ir.VoidType(), [PTR]), "hw_decref")
        # incref is three instructions: inline everywhere. decref has a branch and a call: inlined in
        # small functions (where speed matters), one out-of-line copy in big ones (compile time).
        for f in (inc, dec):
            f.linkage = "internal"
        inc.attributes.add("alwaysinline")
        small = sum(len(b.ops) for b in self.irfn.blocks) < SMALL_FUNCTION_OPS
        dec.attributes.add("alwaysinline" if small else "noinline")
        b = ir.IRBuilder(inc.append_basic_block())
        low = b.load(inc.args[0], typ=I32)
        new = b.add(low, ir.Constant(I32, 1))
        b.store(b.select(b.icmp_unsigned("==", new, ir.Constant(I32, 0)), low, new), inc.args[0])
        b.ret_void()
        b = ir.IRBuilder(dec.append_basic_block())
        low = b.load(dec.args[0], typ=I32)
        mortal = b.icmp_signed(">=", low, ir.Constant(I32, 0))
        with b.if_then(mortal, likely=True):
            full = b.load(dec.args[0], typ=I64)
            new = b.sub(full, ir.Constant(I64, 1))
            b.store(new, dec.args[0])
            with b.if_then(b.icmp_unsigned("==", new, ir.Constant(I64, 0))):
                b.call(self.capi_fn("_Py_Dealloc"), [dec.args[0]])
        b.ret_void()
        self._incref_fn, self._decref_fn = inc, dec

    def incref(self, v):
        self.b.call(self._incref_fn, [v])

    def decref(self, v):
        self.b.call(self._decref_fn, [v])

    def xdecref(self, v):
        with self.b.if_then(self.b.icmp_unsigned("!=", v, ir.Constant(PTR, None))):
            self.decref(v)

    def release(self, op_value):
        """Release an IR operand that an op consumes (NULL-safe where the IR says it may be NULL)."""
        if isinstance(op_value, irops.Null):
            return
        if isinstance(op_value, irops.LoadConst) and is_immortal(op_value.value):
            return
        v = self.v(op_value)
        if op_value.maybe_null:
            self.xdecref(v)
        else:
            self.decref(v)

    def v(self, value):
        return self.values[value]

    def materialize(self, value):
        """A value as an owned PyObject* for the interpreter's stack (boxing unboxed values)."""
        v = self.v(value)
        if value.type == irops.F64:
            return self.call("PyFloat_FromDouble", v)
        if value.type == irops.I64:
            return self.call("PyLong_FromLongLong", v)
        if value.type == irops.BOOL:
            return self.b.select(v, self.const_ptr(True), self.const_ptr(False))
        if isinstance(value, irops.BorrowLocal):
            self.incref(v)
        return v

    def fast_or_call(self, fast, fast_value, slow, name):
        """`fast_value` when `fast` holds, else what `slow()` emits (typically a C-API call): the
        diamond every op with an inline fast path and a call for the rest is made of."""
        return self.choose(fast, lambda: fast_value, slow, name)

    def choose(self, cond, if_true, if_false, name):
        """The value(s) `if_true()` gives when `cond` holds, else those of `if_false()`: each side
        emits its code in its own block and returns a value or a tuple of values, merged by phis."""
        b = self.b
        sides = []
        done = self.fn.append_basic_block(name + "_done")
        true_block = self.fn.append_basic_block(name + "_then")
        false_block = self.fn.append_basic_block(name + "_else")
        b.cbranch(cond, true_block, false_block)
        for block, side in ((true_block, if_true), (false_block, if_false)):
            b.position_at_end(block)
            result = side()
            several = isinstance(result, tuple)
            sides.append((result if several else (result,), b.block))
            b.branch(done)
        b.position_at_end(done)
        merged = []
        for i, first in enumerate(sides[0][0]):
            phi = b.phi(first.type)
            for values, block in sides:
                phi.add_incoming(values[i], block)
            merged.append(phi)
        return tuple(merged) if several else merged[0]

    def check_null(self, result, op):
        err = self.error_exit(op.error_state.offset, op.error_state.stack)
        cont = self.fn.append_basic_block()
        self.b.cbranch(self.b.icmp_unsigned("==", result, ir.Constant(PTR, None)), err, cont)
        self.b.position_at_end(cont)
        return result

    def check_neg(self, result, op):
        err = self.error_exit(op.error_state.offset, op.error_state.stack)
        cont = self.fn.append_basic_block()
        self.b.cbranch(self.b.icmp_signed("<", result, ir.Constant(result.type, 0)), err, cont)
        self.b.position_at_end(cont)
        return result

    def deopt_if(self, cond, op):
        exit_ = self.deopt_exit(op.deopt_state.offset, op.deopt_state.stack)
        cont = self.fn.append_basic_block()
        self.b.cbranch(cond, exit_, cont)
        self.b.position_at_end(cont)

    def set_line(self, op):
        """Record the instruction being executed, so that a callee's sys._getframe() sees its line."""
        if op.error_state is not None:
            self.store_field(self.frame, "_PyInterpreterFrame.prev_instr", self.instr_ptr(op.error_state.offset))

    # ---- the function -----------------------------------------------------------------------------

    def lower(self):
        """The body (a call's prologue, or an OSR entry at a loop header, then the function's blocks),
        the vectorcall entry and, when some loop can be entered, the OSR entry. Returns the module and
        the names of the entries (the OSR one None when there is none)."""
        name = self.name
        body_ty = ir.FunctionType(PTR, [PTR, PTR, PTR, PTR, I64, PTR, I64])
        self.fn = ir.Function(self.module, body_ty, name + "_body")
        self.fn.linkage = "internal"
        self.tstate, self.func, self.ns, args, nargs, kwnames, self.osr_at = self.fn.args
        self.osr_frame = args   # in an OSR run, `args` is the interpreter's frame
        self.b = ir.IRBuilder(self.fn.append_basic_block("entry"))
        self.define_handoff()
        self.globals = self.load_field(self.func, "PyFunctionObject.func_globals", PTR)
        self.builtins = self.load_field(self.func, "PyFunctionObject.func_builtins", PTR)
        self.osr_headers = self.plan_osr()
        call_entry = self.fn.append_basic_block("call")
        osr_block = self.fn.append_basic_block("osr")
        self.b.cbranch(self.b.icmp_unsigned("==", self.osr_at, ir.Constant(I64, 0)), call_entry, osr_block)
        self.b.position_at_end(call_entry)
        self.emit_pure_clone(args, nargs, kwnames)
        self.emit_prologue(args, nargs, kwnames)
        prologue_frame, prologue_end = self.frame, self.b.block
        self.blocks = {}
        for blk in self.irfn.blocks:
            lb = self.fn.append_basic_block("bc_%d" % blk.offset)
            self.blocks[blk] = lb
            self.b.position_at_end(lb)
            for p in blk.params:
                self.values[p] = self.b.phi(self._llvm_type(p.type))
        self.emit_body_dispatch(prologue_frame, prologue_end, osr_block)
        for blk in self.irfn.blocks:
            self.b.position_at_end(self.blocks[blk])
            for op in blk.ops:
                getattr(self, "lower_" + op.name)(op)
        self.emit_vectorcall_entry(self.fn, name)
        osr_name = None
        if self.osr_headers:
            osr_name = name + "_osr"
            self.emit_osr_function(self.fn, osr_name)
        self.has_loops = any(isinstance(op, irops.CheckEvalBreaker) for op in self.irfn.all_ops())
        return self.module, name, osr_name

    def emit_pure_clone(self, args, nargs, kwnames):
        plan = None if "pure_clone" in disabled_passes() else clone_plan(self.irfn, self.code)
        if plan is None:
            return
        if plan.self_name is None:
            return  # only recursion gains from running frameless at the entry; calls use call_pure
        clone = self.pure_clone(self.irfn, self.code, plan)
        clone.emit_attempt(args, nargs, kwnames, self.global_cell(plan.self_name))
        self.irfn.notes.append("calls with small int arguments first try a frameless int64 clone "
                               "(backend/pure_clone.py)")

    def pure_clone(self, irfn, code, plan):
        """The frameless clone of `code` in this module (its own, or a callee's for call_pure),
        emitted once however many places call it."""
        clone = self._pure_clones.get(id(code))
        if clone is None:
            clone = self._pure_clones[id(code)] = PureClone(self, irfn, code, plan).emit()
        return clone

    @staticmethod
    def _llvm_type(t):
        return {irops.OBJ: PTR, irops.I64: I64, irops.F64: F64, irops.BOOL: I1}[t]

    def _jump_args(self, target, args):
        for p, a in zip(target.params, args):
            self.values[p].add_incoming(a if isinstance(a, ir.Value) else self.v(a), self.b.block)

    # ---- constants, locals, globals, cells ------------------------------------------------------

    def lower_const(self, op):
        p = self.const_ptr(op.value)
        if not is_immortal(op.value):
            self.incref(p)
        self.values[op] = p

    def lower_null(self, op):
        self.values[op] = ir.Constant(PTR, None)

    def lower_load_local(self, op):
        v = self.b.load(self.slot_ptr(op.index), typ=PTR)
        if op.checked:
            self.deopt_if(self.b.icmp_unsigned("==", v, ir.Constant(PTR, None)), op)
        self.incref(v)
        self.values[op] = v

    def lower_borrow_local(self, op):
        self.values[op] = self.b.load(self.slot_ptr(op.index), typ=PTR)

    def lower_take_local(self, op):
        self.values[op] = self.b.load(self.slot_ptr(op.index), typ=PTR)
        self.b.store(ir.Constant(PTR, None), self.slot_ptr(op.index))

    def lower_store_local(self, op):
        slot = self.slot_ptr(op.index)
        old = self.b.load(slot, typ=PTR)
        self.b.store(self.v(op.operands[0]), slot)
        self.xdecref(old)

    def lower_store_local_f64(self, op):
        b = self.b
        slot = self.slot_ptr(op.index)
        old = b.load(slot, typ=PTR)
        d = self.v(op.operands[0])
        with b.if_else(b.icmp_unsigned("!=", old, ir.Constant(PTR, None))) as (bound, unbound):
            with bound:
                self.store_float_reusing(slot, old, d)
            with unbound:
                b.store(self.call("PyFloat_FromDouble", d), slot)

    def lower_delete_local(self, op):
        slot = self.slot_ptr(op.index)
        old = self.b.load(slot, typ=PTR)
        self.deopt_if(self.b.icmp_unsigned("==", old, ir.Constant(PTR, None)), op)
        self.b.store(ir.Constant(PTR, None), slot)
        self.decref(old)

    def lower_load_global(self, op):
        """The name's cache cell (globals_cache.py); NULL there means look it up here; missing
        everywhere deopts, so that the interpreter raises NameError with its exact message."""
        name = self.const_ptr(op.symbol)
        self.load_name_from(op, [lambda: self.b.load(self.global_cell(op.symbol), typ=PTR),
                                 lambda: self.call("PyDict_GetItemWithError", self.globals, name),
                                 lambda: self.call("PyDict_GetItemWithError", self.builtins, name)])

    def lower_load_name(self, op):
        """Module-level code: f_locals (the module's dict, or exec()'s locals), globals, builtins,
        as LOAD_NAME does; anything unusual deopts so that the interpreter does it."""
        f_locals = self.locals_dict(op)
        name = self.const_ptr(op.symbol)
        self.load_name_from(op, [lambda: self.call("PyDict_GetItemWithError", f_locals, name),
                                 lambda: self.call("PyDict_GetItemWithError", self.globals, name),
                                 lambda: self.call("PyDict_GetItemWithError", self.builtins, name)])

    def load_name_from(self, op, lookups):
        """A new reference to what the first of `lookups` (each emits code giving a borrowed
        reference or NULL) finds; found nowhere deopts."""
        b = self.b
        done = self.fn.append_basic_block("name_found")
        incoming = []
        for i, lookup in enumerate(lookups):
            v = lookup()
            incoming.append((v, b.block))
            if i + 1 < len(lookups):
                following = self.fn.append_basic_block("name_lookup_%d" % (i + 1))
                b.cbranch(b.icmp_unsigned("!=", v, ir.Constant(PTR, None)), done, following)
                b.position_at_end(following)
            else:
                b.branch(done)
        b.position_at_end(done)
        v = b.phi(PTR)
        for value, block in incoming:
            v.add_incoming(value, block)
        self.deopt_if(b.icmp_unsigned("==", v, ir.Constant(PTR, None)), op)
        self.incref(v)
        self.values[op] = v

    def lower_store_name(self, op):
        f_locals = self.locals_dict(op)
        self.set_line(op)
        r = self.call("PyDict_SetItem", f_locals, self.const_ptr(op.symbol), self.v(op.operands[0]))
        self.release(op.operands[0])
        self.check_neg(r, op)

    def locals_dict(self, op):
        """The frame's f_locals, deopting unless it is an exact dict."""
        f_locals = self.load_field(self.frame, "_PyInterpreterFrame.f_locals", PTR)
        b = self.b
        is_null = b.icmp_unsigned("==", f_locals, ir.Constant(PTR, None))
        safe = b.select(is_null, self.const_ptr(self.code), f_locals)
        self.deopt_if(b.or_(is_null, b.icmp_unsigned("!=", self.type_of(safe), self.const_ptr(dict))), op)
        return f_locals

    def lower_store_global(self, op):
        self.set_line(op)
        r = self.call("PyDict_SetItem", self.globals, self.const_ptr(op.symbol), self.v(op.operands[0]))
        self.release(op.operands[0])
        self.check_neg(r, op)

    def lower_delete_global(self, op):
        name = self.const_ptr(op.symbol)
        present = self.call("PyDict_GetItemWithError", self.globals, name)
        self.deopt_if(self.b.icmp_unsigned("==", present, ir.Constant(PTR, None)), op)
        self.call("PyDict_DelItem", self.globals, name)

    def lower_load_deref(self, op):
        cell = self.b.load(self.slot_ptr(op.index), typ=PTR)
        v = self.load_field(cell, "PyCellObject.ob_ref", PTR)
        self.deopt_if(self.b.icmp_unsigned("==", v, ir.Constant(PTR, None)), op)
        self.incref(v)
        self.values[op] = v

    def lower_store_deref(self, op):
        cell = self.b.load(self.slot_ptr(op.index), typ=PTR)
        old = self.load_field(cell, "PyCellObject.ob_ref", PTR)
        self.store_field(cell, "PyCellObject.ob_ref", self.v(op.operands[0]))
        self.xdecref(old)

    def lower_make_cell(self, op):
        slot = self.slot_ptr(op.index)
        initial = self.b.load(slot, typ=PTR)
        cell = self.check_null(self.call("PyCell_New", initial), op)
        self.b.store(cell, slot)
        self.xdecref(initial)

    def lower_copy_free_vars(self, op):
        closure = self.load_field(self.func, "PyFunctionObject.func_closure", PTR)
        first = self.nlocalsplus - op.count
        for i in range(op.count):
            item = self.b.load(self.b.gep(closure, [ir.Constant(I64, off("PyTupleObject.ob_item") + 8 * i)],
                                          source_etype=I8), typ=PTR)
            self.incref(item)
            self.b.store(item, self.slot_ptr(first + i))

    def lower_dup(self, op):
        v = self.v(op.operands[0])
        self.incref(v)
        self.values[op] = v

    def lower_decref(self, op):
        self.release(op.operands[0])
