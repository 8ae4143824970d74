"""On-stack replacement, the runtime side: publishing a unit's OSR entry on its code object and
putting the C-level JUMP callback in place of the Python one (backend/jump_callback.py).

The machine code side is backend/osr_entry.py; docs/architecture.md ("On-stack replacement") tells the
whole story. The callback is made when the first unit with an OSR entry is compiled (it needs LLVM,
which is loaded only then); from then on it is the JUMP callback, and it calls the Python counting
callback (hotness.on_jump) itself for jumps that do not enter compiled code.
"""
import sys

from hotwire.runtime import code_extra

_state = {"index": None, "callback": None}


def _index():
    if _state["index"] is None:
        _state["index"] = code_extra.new_slot()
    return _state["index"]


def publish(code, unit):
    """Make the unit's OSR entry (if it has one) reachable from the JUMP callback."""
    if not unit.osr_address:
        return
    prepare()
    code_extra.store(code, _index(), unit.osr_address)


def prepare():
    """Make the C-level JUMP callback and put it in place (once)."""
    from hotwire.runtime import hotness
    if _state["callback"] is None:
        from hotwire.backend import jump_callback
        _state["callback"] = jump_callback.make(_index(), hotness.on_jump)
        hotness.use_jump_callback(_state["callback"])


def resume_counting():
    """After a background compile made OSR entries: the JUMP events that hotness disabled while the
    code waited for the worker are switched on again, so that its running loops reach the entry."""
    sys.monitoring.restart_events()
