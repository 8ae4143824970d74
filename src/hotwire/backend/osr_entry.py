"""On-stack replacement: a call already running in the interpreter continues in compiled code at a loop
header, on the interpreter's own frame.

A function called once whose loop runs long (`def main(): for i in range(10**7): ...`) would otherwise
never run compiled code. 3.12's interpreter sends a JUMP event at every backward jump it takes, and
lets the event's callback move the frame: after the callback, it resumes at `frame->prev_instr` with
the stack `frame->stacktop` says (`INSTRUMENTED_JUMP` in Python/ceval_macros.h reloads both). So the
callback (backend/jump_callback.py, a C-level callable) calls this unit's OSR entry, which runs the
rest of the call in the compiled body, starting at the loop header, on the frame the interpreter is
executing. The locals are already in the frame's slots, where compiled code keeps them; the values on
the stack (the iterators of the enclosing `for` loops) become the header block's parameters.

The body leaves the frame to the interpreter the way it always does, through its exits (frame_abi),
except that in OSR mode (the body's `osr_at` argument is the header's offset) nothing is unlinked and
no new interpreter is started: the exit sets the stack and `prev_instr` and returns to the callback.
  - a deopt or a return: `prev_instr` is the instruction to run next (a return instruction runs in
    the interpreter, which pops the frame as usual); the callback returns None;
  - an error: `prev_instr` is the failing instruction and the callback returns NULL. The interpreter
    records the traceback line from `prev_instr`, then looks up the exception handler, and finding
    none, unwinds the frame. So a loop is an OSR entry only if no instruction that can raise,
    reachable from its header, is covered by an exception handler (try/except/finally/with, and
    3.12's inlined comprehensions, have them). And where the lookup happens matters: 3.12.1's
    `INSTRUMENTED_JUMP` (Python/ceval_macros.h) computes the offset from `next_instr` after setting
    it to NULL, so the offset is a function of the code object's address and the jump's oparg
    (`lookup_offset_after_error`); 3.13 uses the destination. Both must be outside every handler's
    range, or the loop is not entered.

An OSR run that deopts counts towards OSR_DEOPT_LIMIT: past it, the unit's OSR entry refuses, so a
guard that keeps failing does not make each iteration bounce between the interpreter and compiled code.
"""
from llvmlite import ir

from hotwire.backend.capi import I32, I64, PTR
from hotwire.backend.layout312 import off
from hotwire.frontend.handler_lookup import covered, handler_ranges, lookup_offset_after_error
from hotwire.frontend.raw_bytecode import CODEUNIT
from hotwire.ir import ops as irops

OSR_DEOPT_LIMIT = 100


def _reachable(block):
    seen, todo = set(), [block]
    while todo:
        blk = todo.pop()
        if blk in seen:
            continue
        seen.add(blk)
        todo.extend(getattr(blk.ops[-1], "targets", None) or [] if blk.ops else [])
    return seen


class OSREntry:
    """Mixin for the function lowering: which loop headers are OSR entries, the body's second way in,
    and the unit's OSR entry function."""

    def plan_osr(self):
        """{destination offset: IR block} for the loop headers (a JUMP's destination) and line starts
        (a LINE event's instruction, for code built with line entries) the body can be entered at.
        The reasons a loop or line is not an entry go to the notes (explain())."""
        bc = self.irfn.bytecode
        by_offset = {blk.offset: blk for blk in self.irfn.blocks}
        headers, refused = {}, set()
        ranges = handler_ranges(self.code)
        for ins in bc.instrs:
            if ins.opname != "JUMP_BACKWARD":
                continue
            header = by_offset.get(bc.at(ins.jump_target).offset)
            reason = self._osr_refusal(ranges, header, lookup_offset_after_error(self.code, ins.arg))
            if reason is None and ins.jump_target not in refused:
                headers[ins.jump_target] = header
            else:
                refused.add(ins.jump_target)
                headers.pop(ins.jump_target, None)
            if reason is not None:
                self.irfn.notes.append(f"line {ins.line}: no on-stack replacement into this loop: {reason}")
        for offset in self.irfn.line_entries:
            # After a LINE callback fails, 3.12 looks the handler up at the line's own instruction.
            # (A loop header refused for its JUMP stays refused: one offset, one entry for both.)
            reason = self._osr_refusal(ranges, by_offset.get(offset), offset // CODEUNIT)
            if offset in refused:
                reason = reason or "the loop it begins is not entered"
            if reason is None:
                headers.setdefault(offset, by_offset[offset])
            else:
                self.irfn.notes.append(f"line {bc.at(offset).line}: not entered at this line: {reason}")
        return headers

    def _osr_refusal(self, ranges, header, lookup_offset):
        """Why the body cannot be entered at `header`, or None. `lookup_offset`: the code unit at
        which the interpreter would look for the handler of an error the entered body reports."""
        if header is None:
            return "its header is not compiled"
        if header.offset == 0:
            return "its header is the first instruction"
        if any(p.type != irops.OBJ for p in header.params):
            return "a value on the stack at its header is unboxed"
        if covered(ranges, lookup_offset):
            return ("this interpreter would look for the handler of an error at an offset that one "
                    "covers (see backend/osr_entry.py)")
        if covered(ranges, header.offset // CODEUNIT):
            return "it is inside a try, with or comprehension block (an exception handler)"
        for blk in _reachable(header):
            for op in blk.ops:
                if op.error_state is not None and covered(ranges, op.error_state.offset // CODEUNIT):
                    return (f"an error at line {op.line} would go to an exception handler, which an "
                            f"OSR run cannot reach")
        return None

    def emit_body_dispatch(self, prologue_frame, prologue_end, osr_block):
        """Where the call's prologue and an OSR entry meet: the frame is the pushed one or the
        interpreter's, and `osr_at` picks the first block (the function's start or a loop header,
        whose stack values are read from the frame's stack slots)."""
        b = self.b
        start = self.fn.append_basic_block("body_start")
        b.position_at_end(prologue_end)
        b.branch(start)
        b.position_at_end(osr_block)
        osr_frame = self.osr_frame
        # The stack values now live in the body; the frame's stack is empty, as in a compiled call.
        self.store_field(osr_frame, "_PyInterpreterFrame.stacktop", ir.Constant(I32, self.nlocalsplus))
        b.branch(start)
        b.position_at_end(start)
        frame = b.phi(PTR)
        frame.add_incoming(prologue_frame, prologue_end)
        frame.add_incoming(osr_frame, osr_block)
        self.frame = frame
        first = self.blocks[self.irfn.blocks[0]]
        switch = b.switch(self.osr_at, first)
        for dest, header in self.osr_headers.items():
            load = self.fn.append_basic_block("osr_%d" % dest)
            switch.add_case(ir.Constant(I64, dest), load)
            b.position_at_end(load)
            values = [b.load(self.slot_ptr(self.nlocalsplus + i), typ=PTR) for i in range(len(header.params))]
            self._jump_args(header, values)
            b.branch(self.blocks[header])

    def emit_osr_function(self, body_fn, name):
        """int name(tstate, frame, destination): 1 when the call ran on in compiled code (the frame
        says where the interpreter resumes), -1 when it raised, 0 when this is not an entry or the
        entry's checks refuse (the interpreter just goes on)."""
        fn = ir.Function(self.module, ir.FunctionType(I32, [PTR, PTR, I64]), name)
        tstate, frame, dest = fn.args
        b = ir.IRBuilder(fn.append_basic_block("entry"))
        refuse = fn.append_basic_block("refuse")
        checks = fn.append_basic_block("checks")
        deopts = b.load(self.owned_address(self.osr_deopts, "osr_deopts"), typ=I64)
        b.cbranch(b.icmp_unsigned("<", deopts, ir.Constant(I64, OSR_DEOPT_LIMIT)), checks, refuse)
        b.position_at_end(checks)
        func = b.load(b.gep(frame, [ir.Constant(I64, off("_PyInterpreterFrame.f_funcobj"))], source_etype=ir.IntType(8)),
                      typ=PTR)
        stacktop = b.load(b.gep(frame, [ir.Constant(I64, off("_PyInterpreterFrame.stacktop"))],
                                source_etype=ir.IntType(8)), typ=I32)
        depth_ok = fn.append_basic_block("depth_ok")
        switch = b.switch(dest, refuse)
        for offset, header in self.osr_headers.items():
            case = fn.append_basic_block("header_%d" % offset)
            switch.add_case(ir.Constant(I64, offset), case)
            b.position_at_end(case)
            expected = ir.Constant(I32, self.nlocalsplus + len(header.params))
            b.cbranch(b.icmp_signed("==", stacktop, expected), depth_ok, refuse)
        b.position_at_end(depth_ok)
        record = self.emit_entry_checks(fn, b, func, tstate, refuse)
        counter = self.owned_address(self.osr_entries, "osr_entries")
        b.store(b.add(b.load(counter, typ=I64), ir.Constant(I64, 1)), counter)
        r = b.call(body_fn, [tstate, func, record, frame, ir.Constant(I64, 0), ir.Constant(PTR, None), dest])
        b.ret(b.select(b.icmp_unsigned("==", r, ir.Constant(PTR, None)), ir.Constant(I32, -1), ir.Constant(I32, 1)))
        b.position_at_end(refuse)
        b.ret(ir.Constant(I32, 0))
        return fn
