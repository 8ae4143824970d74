"""On-stack replacement, the runtime side: publishing a unit's OSR entry on its code object and
putting the C-level JUMP (and PY_START) callbacks in place of the Python ones (backend/jump_callback.py).

The machine code side is backend/osr_entry.py; docs/architecture.md ("On-stack replacement") tells the
whole story. The callback is made by the first unit with an OSR entry, by the worker after its first
compile, at start-up for a script whose earlier run compiled something (install.prepare_in_line), or
once some code's loops ran 256 times if its machine code is in the code cache (hotness.on_jump). Its
object code comes from the code cache, else from LLVM. From then on it is the JUMP callback, and it
counts the jumps that do not enter compiled code itself, calling the Python counting callback
(hotness.on_jump_batch) every `batch` of them; its sibling, the PY_START callback, counts calls the
same way (hotness.on_start_batch).
"""
import ctypes
import sys

from hotwire.runtime import code_extra

# The co_extra slots the callbacks use (OSR entries, jump counts, call counts), the cells holding their
# batch sizes less one, and the JUMP/LINE callback once made.
_state = {"index": None, "jump_count_index": None, "call_count_index": None, "batch_mask": None,
          "call_batch_mask": None, "callback": None}
_METH_FASTCALL = 0x0080


class _MethodDef(ctypes.Structure):
    _fields_ = [("ml_name", ctypes.c_char_p), ("ml_meth", ctypes.c_void_p), ("ml_flags", ctypes.c_int),
                ("ml_doc", ctypes.c_char_p)]


_new_cfunction = ctypes.pythonapi.PyCFunction_NewEx
_new_cfunction.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p]
_new_cfunction.restype = ctypes.py_object


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
    """Make the C-level JUMP and PY_START callbacks and put them in place (once)."""
    from hotwire.runtime import hotness
    if _state["callback"] is None:
        _state["batch_mask"] = ctypes.c_ssize_t(hotness.jump_batch() - 1)
        _state["call_batch_mask"] = ctypes.c_ssize_t(hotness.call_batch() - 1)
        _state["jump_count_index"], _state["call_count_index"] = code_extra.new_slot(), code_extra.new_slot()
        _state["callback"], start = _make_callbacks()
        hotness.use_c_callbacks(_state["callback"], start)


def callback():
    """The C-level JUMP (and LINE) callback once made (prepare), else None."""
    return _state["callback"]


def set_jump_batch(batch):
    """The C-level callback calls Python every `batch` backward jumps of a code (a power of two)."""
    if _state["batch_mask"] is not None:
        _state["batch_mask"].value = batch - 1


def set_call_batch(batch):
    """The C-level PY_START callback calls Python at a code's first call, then every `batch` calls."""
    if _state["call_batch_mask"] is not None:
        _state["call_batch_mask"].value = batch - 1


def count_calls_from_one(code):
    """The next call of `code` reaches the Python PY_START callback (hotwire.jit asked for it)."""
    if _state["call_count_index"] is not None:
        code_extra.store(code, _state["call_count_index"], 0)


def _make_callbacks():
    """The JUMP and PY_START callbacks (for the slots and masks in _state): builtin function objects,
    kept (with their method definitions, their cells and the Python callbacks they call) for the life
    of the process."""
    from hotwire.backend import jump_callback, object_loader
    from hotwire.backend.engine import keep_forever
    from hotwire.runtime import code_cache, hotness
    index_cell, count_cell = ctypes.c_ssize_t(_index()), ctypes.c_ssize_t(_state["jump_count_index"])
    call_count_cell = ctypes.c_ssize_t(_state["call_count_index"])
    batch_mask, python_callback = _state["batch_mask"], hotness.on_jump_batch
    object_code = code_cache.support_code("jump_callback", jump_callback.emit_object)
    names = [jump_callback.NAME, jump_callback.START_NAME]
    addresses = object_loader.load(object_code, names, {
        jump_callback.OSR_INDEX_CELL: ctypes.addressof(index_cell),
        jump_callback.COUNT_INDEX_CELL: ctypes.addressof(count_cell),
        jump_callback.BATCH_MASK_CELL: ctypes.addressof(batch_mask),
        jump_callback.PYTHON_CALLBACK: id(python_callback), jump_callback.NONE: id(None),
        jump_callback.DISABLE: id(sys.monitoring.DISABLE),
        jump_callback.CALL_COUNT_INDEX_CELL: ctypes.addressof(call_count_cell),
        jump_callback.CALL_BATCH_MASK_CELL: ctypes.addressof(_state["call_batch_mask"]),
        jump_callback.PYTHON_START_CALLBACK: id(hotness.on_start_batch)})
    callables = []
    for name in names:
        definition = _MethodDef(name.encode(), addresses[name], _METH_FASTCALL, None)
        callables.append(_new_cfunction(ctypes.addressof(definition), None, None))
        keep_forever(definition)
    for obj in (index_cell, count_cell, call_count_cell, batch_mask, python_callback, hotness.on_start_batch,
                *callables):
        keep_forever(obj)
    return callables


def resume_counting():
    """After a background compile made OSR entries: the JUMP events that hotness disabled while the
    code waited for the worker are switched on again, so that its running loops reach the entry."""
    sys.monitoring.restart_events()
