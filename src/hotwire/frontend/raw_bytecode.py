"""A code object's instructions read straight from co_code, without `dis`: the runtime reads them
where linking cached machine code must not import the compiler (runtime/code_cache.py's key,
frontend/handler_lookup.py's check, frontend/attr_feedback.py's live inline caches), so importing
dis and dataclasses would cost more than the link.
"""
import opcode
from opcode import EXTENDED_ARG, _inline_cache_entries

CODEUNIT = 2


def instructions(code):
    """(offset, opcode, argument, next offset) of each instruction of co_code, EXTENDED_ARG included
    (its argument is folded into the next one's). The next offset is past the inline caches."""
    base = code.co_code
    at, prefix = 0, 0
    while at < len(base):
        op, arg = base[at], base[at + 1] | prefix
        prefix = arg << 8 if op == EXTENDED_ARG else 0
        following = at + CODEUNIT * (1 + _inline_cache_entries[op])
        yield at, op, arg, following
        at = following


# {opcode number: name} of the quickened instructions (`dis._all_opname`), without importing dis: as
# dis does, the specialised instructions fill the unused opcode numbers in order.
QUICKENED_NAMES = dict(zip((number for number, name in enumerate(opcode.opname) if name.startswith("<")),
                           opcode._specialized_instructions))
