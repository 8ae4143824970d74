"""How compiled code lives inside CPython 3.12's frame machinery, in LLVM IR.

A compiled function runs on a real `_PyInterpreterFrame` that it pushes on the thread's data stack
exactly as the interpreter would (same fields, same ownership), and links as the thread's current frame.
So `sys._getframe()`, `inspect.stack()`, tracebacks and `locals()` see it as CPython's own, with the line
number of the instruction being executed (`prev_instr` is stored before every call that can observe it).

Whenever compiled code cannot or should not go on, it *hands the frame over* to
`_PyEval_EvalFrameDefault`, the way a generator is resumed: the values of the abstract stack are
written to the frame's stack slots, `prev_instr` is set, the frame is unlinked from the thread's frame
chain (the interpreter links it again under its own entry frame) and the interpreter runs the rest of
the call, pops the frame and returns the result. Three kinds of hand-over:
  - deopt (throwflag 0): resume *at* an instruction, which the interpreter executes from scratch;
  - error (throwflag 1): an exception is set; the interpreter records the traceback entry and looks
    up the exception table, so except/finally/with handlers run there with CPython's semantics;
  - slow return: a frame object or f_locals was created; the interpreter's RETURN finishes the frame
    (it knows how to hand a frame's data over to a surviving frame object).
"""
import contextlib
import ctypes
import os

from llvmlite import ir

from hotwire.backend import namespace_records
from hotwire.backend.capi import I8, I16, I32, I64, PTR
from hotwire.backend.layout312 import FRAME_OWNED_BY_THREAD, MONITORING_EVENTS, off

CODEUNIT = 2


class FrameABI:
    """Mixin for the function lowering: the prologue, the exits and the vectorcall entry."""

    # ---- prologue ---------------------------------------------------------------------------------

    def emit_prologue(self, args_ptr, nargs, kwnames):
        """Push and initialise the frame; bind arguments. Falls back to the interpreter when the
        data stack chunk is full (the interpreter allocates a new chunk)."""
        b = self.b
        framesize = self.code_framesize
        top = self.load_field(self.tstate, "PyThreadState.datastack_top", PTR)
        limit = self.load_field(self.tstate, "PyThreadState.datastack_limit", PTR)
        space = b.sub(b.ptrtoint(limit, I64), b.ptrtoint(top, I64))
        ok = b.and_(b.icmp_unsigned("!=", top, ir.Constant(PTR, None)),
                    b.icmp_signed(">", space, ir.Constant(I64, framesize * 8)))
        fallback = self.fn.append_basic_block("stack_full")
        push = self.fn.append_basic_block("push_frame")
        b.cbranch(ok, push, fallback)
        b.position_at_end(fallback)
        b.ret(self.call("_PyFunction_Vectorcall", self.func, args_ptr, nargs, kwnames))
        b.position_at_end(push)
        frame = top
        self.frame = frame
        self.store_field(self.tstate, "PyThreadState.datastack_top",
                         b.gep(top, [ir.Constant(I64, framesize * 8)], source_etype=I8))
        self.incref(self.func)
        code_ptr = self.const_ptr(self.code)
        self.incref(code_ptr)
        self.store_field(frame, "_PyInterpreterFrame.f_code", code_ptr)
        self.store_field(frame, "_PyInterpreterFrame.f_funcobj", self.func)
        self.store_field(frame, "_PyInterpreterFrame.f_builtins", self.builtins)
        self.store_field(frame, "_PyInterpreterFrame.f_globals", self.globals)
        self.store_field(frame, "_PyInterpreterFrame.f_locals", ir.Constant(PTR, None))
        self.store_field(frame, "_PyInterpreterFrame.frame_obj", ir.Constant(PTR, None))
        self.store_field(frame, "_PyInterpreterFrame.prev_instr", self.instr_ptr(-CODEUNIT))
        self.store_field(frame, "_PyInterpreterFrame.stacktop", ir.Constant(I32, self.nlocalsplus))
        self.store_field(frame, "_PyInterpreterFrame.return_offset", ir.Constant(I16, 0))
        self.store_field(frame, "_PyInterpreterFrame.owner", ir.Constant(I8, FRAME_OWNED_BY_THREAD))
        for i in range(self.nlocalsplus):
            b.store(ir.Constant(PTR, None), self.slot_ptr(i))
        unbind = self.fn.append_basic_block("bad_arguments")
        bound = self.fn.append_basic_block("arguments_bound")
        general = self.fn.append_basic_block("bind_general")
        code = self.code
        if not code.co_flags & 0x0C and not code.co_kwonlyargcount:
            # The common call: exactly the positional parameters, no keywords.
            exact = self.fn.append_basic_block("bind_exact")
            simple = b.and_(b.icmp_unsigned("==", kwnames, ir.Constant(PTR, None)),
                            b.icmp_signed("==", nargs, ir.Constant(I64, code.co_argcount)))
            b.cbranch(simple, exact, general)
            b.position_at_end(exact)
            for i in range(code.co_argcount):
                v = b.load(b.gep(args_ptr, [ir.Constant(I64, i)], source_etype=PTR), typ=PTR)
                self.incref(v)
                b.store(v, self.slot_ptr(i))
            b.branch(bound)
        else:
            b.branch(general)
        b.position_at_end(general)
        self.bind_arguments(args_ptr, nargs, kwnames, unbind)
        b.branch(bound)
        b.position_at_end(unbind)
        for i in range(self.nlocalsplus):
            self.xdecref(b.load(self.slot_ptr(i), typ=PTR))
        self.decref(self.func)
        self.decref(code_ptr)
        self.store_field(self.tstate, "PyThreadState.datastack_top", frame)
        b.ret(self.call("_PyFunction_Vectorcall", self.func, args_ptr, nargs, kwnames))
        b.position_at_end(bound)
        # Link as the thread's current frame; count the recursion depth as the interpreter does (the
        # Python limit only: like the 3.12 interpreter, compiled calls do not count as C recursion,
        # but unlike it they do use the C stack, see docs/architecture.md "Limits").
        cframe = self.load_field(self.tstate, "PyThreadState.cframe", PTR)
        self.cframe = cframe
        self.store_field(frame, "_PyInterpreterFrame.previous",
                         self.load_field(cframe, "_PyCFrame.current_frame", PTR))
        self.store_field(cframe, "_PyCFrame.current_frame", frame)
        py_rem = self.load_field(self.tstate, "PyThreadState.py_recursion_remaining", I32)
        self.store_field(self.tstate, "PyThreadState.py_recursion_remaining", b.sub(py_rem, ir.Constant(I32, 1)))
        too_deep = b.icmp_signed("<=", py_rem, ir.Constant(I32, 0))
        # Too deep: the interpreter, resumed at the first instruction, raises RecursionError itself.
        body = self.fn.append_basic_block("body")
        b.cbranch(too_deep, self.deopt_exit(0, []), body)
        b.position_at_end(body)

    def bind_arguments(self, args_ptr, nargs, kwnames, fail):
        """Bind positional and keyword arguments, defaults, keyword-only defaults, *args and **kwargs
        into the (all-NULL) frame slots. Whatever this cannot bind exactly (a missing or duplicate
        argument, an unknown or non-interned keyword) branches to `fail`, which undoes the frame and
        lets the interpreter raise CPython's own TypeError."""
        b = self.b
        code = self.code
        argcount, kwonly = code.co_argcount, code.co_kwonlyargcount
        nparams = argcount + kwonly
        null = ir.Constant(PTR, None)
        nkw = b.select(b.icmp_unsigned("==", kwnames, null), ir.Constant(I64, 0),
                       self.load_field(b.select(b.icmp_unsigned("==", kwnames, null), self.func, kwnames),
                                       "PyVarObject.ob_size", I64))
        for i in range(argcount):
            with b.if_then(b.icmp_signed("<", ir.Constant(I64, i), nargs)):
                v = b.load(b.gep(args_ptr, [ir.Constant(I64, i)], source_etype=PTR), typ=PTR)
                self.incref(v)
                b.store(v, self.slot_ptr(i))
        kwdict = None
        if code.co_flags & 0x04:  # CO_VARARGS: the extra positional arguments as a tuple
            extra = b.sub(nargs, ir.Constant(I64, argcount))
            extra = b.select(b.icmp_signed("<", extra, ir.Constant(I64, 0)), ir.Constant(I64, 0), extra)
            tup = self.call("PyTuple_New", extra)
            self.emit_copy_loop(b.gep(args_ptr, [ir.Constant(I64, argcount)], source_etype=PTR),
                                b.gep(tup, [ir.Constant(I64, off("PyTupleObject.ob_item"))], source_etype=I8),
                                extra)
            b.store(tup, self.slot_ptr(nparams))
        else:
            self.branch_if(b.icmp_signed(">", nargs, ir.Constant(I64, argcount)), fail)
        if code.co_flags & 0x08:  # CO_VARKEYWORDS
            kwdict = self.call("PyDict_New")
            b.store(kwdict, self.slot_ptr(nparams + bool(code.co_flags & 0x04)))
        self.bind_keywords(args_ptr, nargs, kwnames, nkw, kwdict, fail)
        defaults = self.load_field(self.func, "PyFunctionObject.func_defaults", PTR)
        ndef = b.select(b.icmp_unsigned("==", defaults, null), ir.Constant(I64, 0),
                        self.load_field(b.select(b.icmp_unsigned("==", defaults, null), self.func, defaults),
                                        "PyVarObject.ob_size", I64))
        for i in range(argcount):
            missing = b.icmp_unsigned("==", b.load(self.slot_ptr(i), typ=PTR), null)
            with b.if_then(missing):
                k = b.add(ndef, ir.Constant(I64, i - argcount))
                self.branch_if(b.icmp_signed("<", k, ir.Constant(I64, 0)), fail)
                items = b.gep(defaults, [ir.Constant(I64, off("PyTupleObject.ob_item"))], source_etype=I8)
                v = b.load(b.gep(items, [k], source_etype=PTR), typ=PTR)
                self.incref(v)
                b.store(v, self.slot_ptr(i))
        if kwonly:
            kwdefaults = self.load_field(self.func, "PyFunctionObject.func_kwdefaults", PTR)
            for i in range(argcount, nparams):
                missing = b.icmp_unsigned("==", b.load(self.slot_ptr(i), typ=PTR), null)
                with b.if_then(missing):
                    self.branch_if(b.icmp_unsigned("==", kwdefaults, null), fail)
                    v = self.call("PyDict_GetItemWithError", kwdefaults, self.const_ptr(code.co_varnames[i]))
                    self.branch_if(b.icmp_unsigned("==", v, null), fail)
                    self.incref(v)
                    b.store(v, self.slot_ptr(i))

    def bind_keywords(self, args_ptr, nargs, kwnames, nkw, kwdict, fail):
        """For each keyword: find its parameter by identity (parameter names are interned, so an
        interned keyword that matches none is truly unknown); it goes to **kwargs or fails."""
        code = self.code
        first = code.co_posonlyargcount
        params = range(first, code.co_argcount + code.co_kwonlyargcount)
        with self.counted_loop(nkw, "kw") as j:
            self.bind_one_keyword(args_ptr, nargs, kwnames, j, params, kwdict, fail)

    def bind_one_keyword(self, args_ptr, nargs, kwnames, j, params, kwdict, fail):
        b = self.b
        code = self.code
        name = b.load(b.gep(kwnames, [b.add(j, ir.Constant(I64, off("PyTupleObject.ob_item") // 8))],
                            source_etype=PTR), typ=PTR)
        value = b.load(b.gep(args_ptr, [b.add(nargs, j)], source_etype=PTR), typ=PTR)
        index = ir.Constant(I64, -1)
        for p in params:
            index = b.select(b.icmp_unsigned("==", name, self.const_ptr(code.co_varnames[p])),
                             ir.Constant(I64, p), index)
        unknown = b.icmp_signed("<", index, ir.Constant(I64, 0))
        with b.if_else(unknown) as (then, otherwise):
            with then:
                interned = b.and_(b.load(b.gep(name, [ir.Constant(I64, 32)], source_etype=I8), typ=I32),
                                  ir.Constant(I32, 3))
                self.branch_if(b.icmp_unsigned("==", interned, ir.Constant(I32, 0)), fail)
                if kwdict is None:
                    b.branch(fail)
                    b.position_at_end(self.fn.append_basic_block("unreachable"))
                else:
                    present = self.call("PyDict_GetItemWithError", kwdict, name)
                    self.branch_if(b.icmp_unsigned("!=", present, ir.Constant(PTR, None)), fail)
                    self.branch_if(b.icmp_signed("<", self.call("PyDict_SetItem", kwdict, name, value),
                                                 ir.Constant(I32, 0)), fail)
            with otherwise:
                slot = b.gep(self.frame, [b.add(b.mul(index, ir.Constant(I64, 8)),
                                                ir.Constant(I64, off("_PyInterpreterFrame.localsplus")))],
                             source_etype=I8)
                self.branch_if(b.icmp_unsigned("!=", b.load(slot, typ=PTR), ir.Constant(PTR, None)), fail)
                self.incref(value)
                b.store(value, slot)

    def branch_if(self, cond, target):
        cont = self.fn.append_basic_block()
        self.b.cbranch(cond, target, cont)
        self.b.position_at_end(cont)

    @contextlib.contextmanager
    def counted_loop(self, count, name):
        """for i in range(count): <the body emitted inside the with-block>."""
        b = self.b
        head = self.fn.append_basic_block(name + "_head")
        body = self.fn.append_basic_block(name + "_body")
        done = self.fn.append_basic_block(name + "_done")
        start = b.block
        b.branch(head)
        b.position_at_end(head)
        i = b.phi(I64)
        i.add_incoming(ir.Constant(I64, 0), start)
        b.cbranch(b.icmp_signed("<", i, count), body, done)
        b.position_at_end(body)
        yield i
        i.add_incoming(b.add(i, ir.Constant(I64, 1)), b.block)
        b.branch(head)
        b.position_at_end(done)

    def emit_copy_loop(self, src, dst, count):
        """dst[i] = new reference to src[i] for i < count."""
        b = self.b
        with self.counted_loop(count, "copy") as i:
            v = b.load(b.gep(src, [i], source_etype=PTR), typ=PTR)
            self.incref(v)
            b.store(v, b.gep(dst, [i], source_etype=PTR))

    # ---- exits ------------------------------------------------------------------------------------

    def define_handoff(self):
        """hw_handoff(tstate, frame, throwflag, counter, osr_at): let the interpreter finish the call.
        One out-of-line function per module that every exit tail-calls: a single shared exit block
        would merge hundreds of paths, which makes LLVM's register allocation very slow.
        In a call (osr_at 0) the frame is unlinked and a new interpreter runs it. In an OSR run
        (backend/osr_entry.py) the interpreter that sent the JUMP event still runs the frame: the exit
        returns to it, None to resume at the instruction after `prev_instr` (which becomes
        `prev_instr` itself: the jump protocol resumes *at* prev_instr), NULL to raise."""
        fnty = ir.FunctionType(PTR, [PTR, PTR, I32, PTR, I64])
        self.handoff_fn = ir.Function(self.module, fnty, "hw_handoff")
        self.handoff_fn.linkage = "internal"
        self.handoff_fn.attributes.add("noinline")
        self.handoff_fn.attributes.add("cold")
        tstate, frame, throwflag, counter, osr_at = self.handoff_fn.args
        b = ir.IRBuilder(self.handoff_fn.append_basic_block())
        # A deopt exit passes its counter (an error exit NULL): counted here, out of line, where the
        # increment costs the compiled loops nothing (in each exit block it made nbody 1.6x slower).
        is_deopt = b.icmp_unsigned("!=", counter, ir.Constant(PTR, None))
        with b.if_then(is_deopt):
            b.store(b.add(b.load(counter, typ=I64), ir.Constant(I64, 1)), counter)
        with b.if_then(b.icmp_unsigned("!=", osr_at, ir.Constant(I64, 0))):
            with b.if_then(b.icmp_unsigned("!=", throwflag, ir.Constant(I32, 0))):
                b.ret(ir.Constant(PTR, None))
            with b.if_then(is_deopt):
                osr_deopts = self.owned_address(self.osr_deopts, "osr_deopts")
                b.store(b.add(b.load(osr_deopts, typ=I64), ir.Constant(I64, 1)), osr_deopts)
            prev = b.gep(frame, [ir.Constant(I64, off("_PyInterpreterFrame.prev_instr"))], source_etype=I8)
            b.store(b.gep(b.load(prev, typ=PTR), [ir.Constant(I64, CODEUNIT)], source_etype=I8), prev)
            b.ret(self.const_ptr(None))
        self.emit_unlink(b, tstate, frame)
        b.ret(b.call(self.capi_fn("_PyEval_EvalFrameDefault"), [tstate, frame, throwflag]))

    def handoff(self, throwflag, counter=None):
        counter = ir.Constant(PTR, None) if counter is None else counter
        r = self.b.call(self.handoff_fn, [self.tstate, self.frame, ir.Constant(I32, throwflag), counter,
                                          self.osr_at], tail=True)
        self.b.ret(r)

    def emit_unlink(self, b, tstate, frame):
        """Restore the caller as the current frame; undo this frame's recursion counting."""
        def field(base, name):
            return b.gep(base, [ir.Constant(I64, off(name))], source_etype=I8)
        cframe = b.load(field(tstate, "PyThreadState.cframe"), typ=PTR)
        prev = b.load(field(frame, "_PyInterpreterFrame.previous"), typ=PTR)
        b.store(prev, field(cframe, "_PyCFrame.current_frame"))
        depth = field(tstate, "PyThreadState.py_recursion_remaining")
        b.store(b.add(b.load(depth, typ=I32), ir.Constant(I32, 1)), depth)

    def _exit_block(self, name, prev_instr_offset, stack, throwflag, pushed=(), counter=None):
        b = self.b
        saved = b.block
        blk = self.fn.append_basic_block(name)
        b.position_at_end(blk)
        objects = [self.materialize(v) for v in stack] + list(pushed)
        for i, obj in enumerate(objects):
            b.store(obj, self.slot_ptr(self.nlocalsplus + i))
        self.store_field(self.frame, "_PyInterpreterFrame.stacktop",
                         ir.Constant(I32, self.nlocalsplus + len(objects)))
        self.store_field(self.frame, "_PyInterpreterFrame.prev_instr", self.instr_ptr(prev_instr_offset))
        self.handoff(throwflag, counter)
        b.position_at_end(saved)
        return blk

    def deopt_exit(self, resume_offset, stack, pushed=()):
        """Resume the interpreter at `resume_offset` with `stack` (the instruction runs again), plus
        `pushed`: owned objects on top (a call's result, when resuming after the call). Each exit
        counts how often it is taken (`deopt_counters`: HOTWIRE_STATS, explain())."""
        counter = ctypes.c_uint64(0)
        address = self.owned_address(counter, "deopt", len(self.deopt_counters))
        self.deopt_counters.append((resume_offset, counter))
        return self._exit_block("deopt_%d" % resume_offset, resume_offset - CODEUNIT, stack, 0, pushed,
                                address)

    def error_exit(self, offset, stack):
        """An exception is set while executing the instruction at `offset`."""
        return self._exit_block("error_%d" % offset, offset, stack, 1)

    def emit_return(self, value, ret_offset, value_is_pushed):
        """Fast path: no frame object and no f_locals were made, so clear the frame here."""
        b = self.b
        frame_obj = self.load_field(self.frame, "_PyInterpreterFrame.frame_obj", PTR)
        f_locals = self.load_field(self.frame, "_PyInterpreterFrame.f_locals", PTR)
        # An OSR run (osr_at != 0) always returns through the interpreter, which owns the frame.
        simple = b.icmp_unsigned("==", b.or_(b.or_(b.ptrtoint(frame_obj, I64), b.ptrtoint(f_locals, I64)),
                                             self.osr_at), ir.Constant(I64, 0))
        fast = self.fn.append_basic_block("return_fast")
        slow = self.fn.append_basic_block("return_slow")
        b.cbranch(simple, fast, slow)
        b.position_at_end(slow)
        if value_is_pushed:
            b.store(value, self.slot_ptr(self.nlocalsplus))
        else:
            self.decref(value)
        self.store_field(self.frame, "_PyInterpreterFrame.stacktop",
                         ir.Constant(I32, self.nlocalsplus + int(value_is_pushed)))
        self.store_field(self.frame, "_PyInterpreterFrame.prev_instr", self.instr_ptr(ret_offset - CODEUNIT))
        self.handoff(0)
        b.position_at_end(fast)
        if os.environ.get("HOTWIRE_DEBUG"):
            # A value returned with an exception pending is a compiler bug: stop right here, by name.
            with b.if_then(b.icmp_unsigned("!=", self.call("PyErr_Occurred"), ir.Constant(PTR, None))):
                self.call("Py_FatalError", self._fatal_message())
        self.emit_unlink(b, self.tstate, self.frame)
        for i in range(self.nlocalsplus):
            self.xdecref(b.load(self.slot_ptr(i), typ=PTR))
        self.decref(self.func)
        self.decref(self.const_ptr(self.code))
        self.store_field(self.tstate, "PyThreadState.datastack_top", self.frame)
        b.ret(value)

    def _fatal_message(self):
        text = f"hotwire: compiled {self.code.co_qualname} returned a value with an exception set".encode()
        return self.owned_address(ctypes.create_string_buffer(text), "text", text.decode())

    # ---- entry ------------------------------------------------------------------------------------

    def emit_vectorcall_entry(self, body_fn, name):
        """func->vectorcall: runs the body when the function still runs this code, its namespace has a
        record in the unit's table (backend/namespace_records.py) and no debugger or profiler listens;
        else the interpreter runs the call."""
        fnty = ir.FunctionType(PTR, [PTR, PTR, I64, PTR])
        fn = ir.Function(self.module, fnty, name)
        func, args, nargsf, kwnames = fn.args
        b = ir.IRBuilder(fn.append_basic_block("entry"))
        nargs = b.and_(nargsf, ir.Constant(I64, (1 << 63) - 1))
        fallback = fn.append_basic_block("interpreter")
        tstate = b.call(self.capi_fn("_PyThreadState_GetCurrent"), [])
        record = self.emit_entry_checks(fn, b, func, tstate, fallback)
        r = b.call(body_fn, [tstate, func, record, args, nargs, kwnames, ir.Constant(I64, 0)])
        b.ret(r)
        b.position_at_end(fallback)
        b.ret(b.call(self.capi_fn("_PyFunction_Vectorcall"), [func, args, nargsf, kwnames]))
        return fn

    def emit_entry_checks(self, fn, b, func, tstate, fallback):
        """What every way into the body checks (a call, an OSR entry): func runs this code, its
        namespace has a record (returned), and no tool but ours monitors; else branch to `fallback`."""
        def field(name):
            return b.load(b.gep(func, [ir.Constant(I64, off(name))], source_etype=I8), typ=PTR)
        def word(base, index):
            return b.load(b.gep(base, [ir.Constant(I64, index)], source_etype=PTR), typ=PTR)
        search = fn.append_basic_block("namespace_search")
        found = fn.append_basic_block("namespace_found")
        b.cbranch(b.icmp_unsigned("==", field("PyFunctionObject.func_code"), self.const_ptr(self.code)),
                  search, fallback)
        b.position_at_end(search)
        globals_, builtins_ = field("PyFunctionObject.func_globals"), field("PyFunctionObject.func_builtins")
        table = self.owned_address(self.namespace_table, "namespace_table")
        loop = fn.append_basic_block("namespace_slot")
        following = fn.append_basic_block("namespace_next")
        b.branch(loop)
        b.position_at_end(loop)
        slot = b.phi(I64)
        slot.add_incoming(ir.Constant(I64, 0), search)
        record = b.load(b.gep(table, [slot], source_etype=PTR), typ=PTR)
        same = b.and_(b.icmp_unsigned("==", word(record, namespace_records.GLOBALS), globals_),
                      b.icmp_unsigned("==", word(record, namespace_records.BUILTINS), builtins_))
        b.cbranch(same, found, following)
        b.position_at_end(following)
        after = b.add(slot, ir.Constant(I64, 1))
        slot.add_incoming(after, following)
        b.cbranch(b.icmp_unsigned("<", after, ir.Constant(I64, namespace_records.TABLE_SLOTS)), loop, fallback)
        b.position_at_end(found)
        run = fn.append_basic_block("compiled")
        b.cbranch(self.emit_monitored(b, tstate), fallback, run)
        b.position_at_end(run)
        return record

    def emit_monitored(self, b, tstate):
        """True when a sys.monitoring tool other than ours listens to some event (a debugger, a
        profiler, coverage, sys.settrace): then calls must run in the interpreter, which reports them."""
        interp = b.load(b.gep(tstate, [ir.Constant(I64, off("PyThreadState.interp"))], source_etype=I8), typ=PTR)
        mon = b.gep(interp, [ir.Constant(I64, off("PyInterpreterState.monitors"))], source_etype=I8)
        low = b.load(mon, typ=I64)
        high = b.load(b.gep(mon, [ir.Constant(I64, MONITORING_EVENTS - 8)], source_etype=I8), typ=I64)
        mask = self.own_tool_mask  # bits of our own tool: bytes 0..7 in `low`, bytes 7..14 in `high`
        low = b.and_(low, ir.Constant(I64, ~mask & ((1 << 64) - 1)))
        high = b.and_(high, ir.Constant(I64, ~(mask >> 56) & ((1 << 64) - 1)))
        return b.icmp_unsigned("!=", b.or_(low, high), ir.Constant(I64, 0))
