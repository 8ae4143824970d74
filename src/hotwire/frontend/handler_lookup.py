"""Where CPython 3.12.1 looks for an exception handler when a JUMP callback fails: the check that an OSR
entry (backend/osr_entry.py, whose docstring tells the story) never has the interpreter find a handler
it should not. Apart from the backend, so that code loaded from the code cache is checked again for
the code object's address in this process without importing the compiler (or `dis`).
"""
from hotwire.backend.layout312 import off
from hotwire.frontend.raw_bytecode import CODEUNIT, instructions


def handler_ranges(code):
    """[(first, end)) code-unit ranges that an exception handler covers, read from co_exceptiontable
    (its format: Objects/exception_handling_notes.txt; entries of varints start, length, target,
    depth and lasti, each varint 6 bits a byte, bit 6 set when more follow)."""
    table = code.co_exceptiontable
    ranges, at = [], 0

    def varint():
        nonlocal at
        byte = table[at]
        at += 1
        value = byte & 63
        while byte & 64:
            byte = table[at]
            at += 1
            value = (value << 6) | (byte & 63)
        return value

    while at < len(table):
        start = varint()
        length = varint()
        varint()   # target
        varint()   # depth and lasti
        ranges.append((start, start + length))
    return ranges


def covered(ranges, unit_offset):
    """Whether an exception handler covers the instruction at `unit_offset` (in code units)."""
    return any(first <= unit_offset < end for first, end in ranges)


def lookup_offset_after_error(code, oparg):
    """The offset (code units) at which 3.12.1's interpreter looks for a handler when the JUMP
    callback of a JUMP_BACKWARD with this oparg fails: `INSTR_OFFSET() - 1` with `next_instr` set to
    `(_Py_CODEUNIT *)NULL - oparg + 1`, the pointer difference cast to int, as the C code computes."""
    first = id(code) + off("PyCodeObject.co_code_adaptive")
    difference = (CODEUNIT * (1 - oparg) - first) % (1 << 64)
    if difference >= 1 << 63:
        difference -= 1 << 64
    as_int = ((difference // CODEUNIT + (1 << 31)) % (1 << 32)) - (1 << 31)
    return as_int - 1


def lookups_still_safe(code, osr_offsets):
    """Whether, for this code object (at its address in this process), no jump into an OSR entry
    would have the interpreter look for a handler of an error where one is (see the docstring): the
    check plan_osr made in the process that compiled machine code loaded from the code cache."""
    from opcode import opmap
    jump_backward = opmap["JUMP_BACKWARD"]
    ranges = handler_ranges(code)
    return not any(op == jump_backward and following - CODEUNIT * arg in osr_offsets
                   and covered(ranges, lookup_offset_after_error(code, arg))
                   for _, op, arg, following in instructions(code))
