"""What CPython's specialising interpreter learnt about an attribute access, read from the inline cache
of its quickened LOAD_ATTR / STORE_ATTR (Python/bytecodes.c of 3.12 gives each layout).

Only the specialisations whose check is cheap and self-contained are used: an attribute held in an
object's inline values (`LOAD_ATTR_INSTANCE_VALUE`, `STORE_ATTR_INSTANCE_VALUE`), in a `__slots__`
member (`LOAD_ATTR_SLOT`, `STORE_ATTR_SLOT`) and a method found on
the type (`LOAD_ATTR_METHOD_WITH_VALUES`, `LOAD_ATTR_METHOD_NO_DICT`). Each is valid while the type's
version tag is the one recorded: CPython gives a type a new tag whenever it (or a base) changes and never
reuses a tag, so a matching tag means the same, unmodified type, whose dict still holds the cached method.
Compiled code checks exactly what the interpreter's specialised instruction checks and takes the generic
C-API call whenever a check fails, so a stale or wrong guess costs speed, never correctness.
"""
import struct
from dataclasses import dataclass


@dataclass(frozen=True)
class AttrFeedback:
    kind: str               # "instance_value", "slot", "method_with_values" or "method_no_dict"
    type_version: int
    index: int = 0          # instance_value: the slot in the object's inline values; slot: byte offset
    keys_version: int = 0   # method_with_values: the version of the type's shared instance keys
    descr: int = 0          # methods: the address of the method found on the type


def _u16(cache):
    return struct.unpack("<%dH" % (len(cache) // 2), cache)


def _u32(words, at):
    return words[at] | words[at + 1] << 16


def _u64(words, at):
    return _u32(words, at) | _u32(words, at + 2) << 32


def attr_feedback(instr):
    """The AttrFeedback of a LOAD_ATTR or STORE_ATTR instruction, or None."""
    words = _u16(instr.cache)
    name = instr.specialised
    if len(words) < 4 or _u32(words, 1) == 0:
        return None
    if name in ("LOAD_ATTR_INSTANCE_VALUE", "STORE_ATTR_INSTANCE_VALUE"):
        return AttrFeedback("instance_value", _u32(words, 1), index=words[3])
    if name in ("LOAD_ATTR_SLOT", "STORE_ATTR_SLOT"):
        return AttrFeedback("slot", _u32(words, 1), index=words[3])
    if name == "LOAD_ATTR_METHOD_WITH_VALUES":
        return AttrFeedback("method_with_values", _u32(words, 1), keys_version=_u32(words, 3),
                            descr=_u64(words, 5))
    if name == "LOAD_ATTR_METHOD_NO_DICT":
        return AttrFeedback("method_no_dict", _u32(words, 1), descr=_u64(words, 5))
    return None
