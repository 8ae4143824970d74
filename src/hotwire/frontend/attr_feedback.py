"""What CPython's specialising interpreter learnt about an attribute access, read from the inline cache
of its quickened LOAD_ATTR / STORE_ATTR (Python/bytecodes.c of 3.12 gives each layout).

Only the specialisations whose check is cheap and self-contained are used: an attribute held in an
object's inline values (`LOAD_ATTR_INSTANCE_VALUE`, `STORE_ATTR_INSTANCE_VALUE`), in the instance's
own dict at a hinted entry (`LOAD_ATTR_WITH_HINT`), in a `__slots__`
member (`LOAD_ATTR_SLOT`, `STORE_ATTR_SLOT`) and a method found on
the type (`LOAD_ATTR_METHOD_WITH_VALUES`, `LOAD_ATTR_METHOD_NO_DICT`). Each is valid while the type's
version tag is the one recorded: CPython gives a type a new tag whenever it (or a base) changes and never
reuses a tag, so a matching tag means the same, unmodified type, whose dict still holds the cached method.
Compiled code checks exactly what the interpreter's specialised instruction checks and takes the generic
C-API call whenever a check fails, so a stale or wrong guess costs speed, never correctness.

Version tags and the method's address belong to one process. Code loaded from the code cache takes them
from the loading process's own inline cache of the same instruction (`live_attr_feedback`, through the
"attr_cache" recipe of backend/symbol_recipes.py), which is why this module must not import `dis` or
`dataclasses`: it runs when cached machine code is linked into a program.
"""
import struct

from hotwire.frontend.raw_bytecode import QUICKENED_NAMES, instructions


class AttrFeedback:
    """One access's inline cache. kind: "instance_value", "with_hint", "slot", "method_with_values"
    or "method_no_dict"; offset: the instruction's offset in its code; index: the slot in the object's
    inline values (instance_value), the entry of the instance dict's keys where the name was
    (with_hint) or the member's byte offset (slot); keys_version: the version of the
    type's shared instance keys (method_with_values); descr: the method's address (methods)."""
    __slots__ = ("kind", "offset", "type_version", "index", "keys_version", "descr")

    def __init__(self, kind, offset, type_version, index=0, keys_version=0, descr=0):
        self.kind, self.offset, self.type_version = kind, offset, type_version
        self.index, self.keys_version, self.descr = index, keys_version, descr

    def __repr__(self):
        return "AttrFeedback(%s)" % ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)


def _u32(words, at):
    return words[at] | words[at + 1] << 16


def _u64(words, at):
    return _u32(words, at) | _u32(words, at + 2) << 32


def _decode(name, cache, offset):
    words = struct.unpack("<%dH" % (len(cache) // 2), cache)
    if len(words) < 4 or _u32(words, 1) == 0:
        return None
    if name in ("LOAD_ATTR_INSTANCE_VALUE", "STORE_ATTR_INSTANCE_VALUE"):
        return AttrFeedback("instance_value", offset, _u32(words, 1), index=words[3])
    if name == "LOAD_ATTR_WITH_HINT":
        return AttrFeedback("with_hint", offset, _u32(words, 1), index=words[3])
    if name in ("LOAD_ATTR_SLOT", "STORE_ATTR_SLOT"):
        return AttrFeedback("slot", offset, _u32(words, 1), index=words[3])
    if name == "LOAD_ATTR_METHOD_WITH_VALUES":
        return AttrFeedback("method_with_values", offset, _u32(words, 1), keys_version=_u32(words, 3),
                            descr=_u64(words, 5))
    if name == "LOAD_ATTR_METHOD_NO_DICT":
        return AttrFeedback("method_no_dict", offset, _u32(words, 1), descr=_u64(words, 5))
    return None


def attr_feedback(instr):
    """The AttrFeedback of a decoded LOAD_ATTR or STORE_ATTR instruction (frontend/bytecode.py), or None."""
    return _decode(instr.specialised, instr.cache, instr.offset)


def live_attr_feedback(code, adaptive=None):
    """{offset: AttrFeedback} of every attribute access of `code` as its inline caches are now, in this
    process, or as `adaptive` (a copy of its `_co_code_adaptive` already taken) has them. One copy of
    the quickened bytecode, so that an opcode and its cache entries, and the version and method of one
    access, belong together (a unit being linked reads them all from it)."""
    if adaptive is None:
        adaptive = code._co_code_adaptive
    found = {}
    for at, _op, _arg, following in instructions(code):
        name = QUICKENED_NAMES.get(adaptive[at])
        feedback = _decode(name, adaptive[at + 2:following], at) if name else None
        if feedback is not None:
            found[at] = feedback
    return found
