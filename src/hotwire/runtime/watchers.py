"""CPython 3.12 dict and function watchers, with their first filter in machine code.

Watchers are called for *every* change of a watched dict (module globals change often: a module-level
loop variable is a global) and for every function created or destroyed. Calling Python each time
would cost microseconds, so each watcher is a small LLVM function that answers the common case
itself and calls the Python handler only when something hotwire relies on may have changed:
  - dict watcher: a key whose str hash hits the bitmap of names compiled code reads as globals;
    a clear/clone/dealloc of a watched dict;
  - function watcher: a function whose code object carries compiled code (co_extra) is created: the
    compiled entry is installed on it right there, in LLVM, no Python involved; a change of
    `__code__`, `__defaults__` or `__kwdefaults__` calls Python.
The Python handlers receive raw addresses (a dying dict must not be turned into a Python reference).

A program that rebinds a global in its hot loop (`global counter; counter += 1`) changes a watched key
at every iteration, so the dict filter also answers that case itself: a direct-mapped table of
(globals dict, key object) -> cell (`remember_global`), which the Python handler fills when the key is a
global of that dict and of no other namespace, lets a *modification* of such a key store the new value
into its cell in LLVM. The key must be immortal (3.12's interned strings are), so its address can never
come back as another key; the Python side clears the entries of a dict before its address can be reused
and whenever another namespace starts to depend on the key (`forget_global`).

The filters' machine code is backend/watcher_filters.py's, from the code cache or LLVM.
"""
import ctypes

from hotwire.backend import object_loader, watcher_filters
from hotwire.backend.engine import keep_forever
from hotwire.backend.watcher_filters import (
    BITMAP, BITMAP_BITS, DICT_FILTER, DICT_HANDLER as DICT_HANDLER_SYMBOL, EXTRA_INDEX_CELL, FAST_SLOTS,
    FAST_TABLE, FUNC_FILTER, FUNC_HANDLER as FUNC_HANDLER_SYMBOL, STR_TYPE)

DICT_HANDLER = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p)
FUNC_HANDLER = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)

bitmap = (ctypes.c_uint64 * (BITMAP_BITS // 64))()
keep_forever(bitmap)
fast_table = (ctypes.c_uint64 * (3 * FAST_SLOTS))()   # per slot: dict address, key address, cell address
keep_forever(fast_table)


def _fast_slot(dict_address, key_hash):
    return ((key_hash & 0xFFFFFFFFFFFFFFFF) ^ (dict_address >> 4)) & (FAST_SLOTS - 1)


def remember_global(dict_address, key, cell_address):
    """Let modifications of `key` in the dict at dict_address go straight to the cell; returns the slot."""
    slot = _fast_slot(dict_address, hash(key))
    fast_table[3 * slot:3 * slot + 3] = [dict_address, id(key), cell_address]
    return slot


def forget_global(slot, dict_address):
    """Clear `slot` if it still belongs to the dict at dict_address."""
    if fast_table[3 * slot] == dict_address:
        fast_table[3 * slot:3 * slot + 3] = [0, 0, 0]


def mark_name(name):
    """Let dict events about `name` through to Python."""
    bit = hash(name) & (BITMAP_BITS - 1)
    bitmap[bit // 64] |= 1 << (bit % 64)


def make_filters(dict_handler, func_handler, extra_index):
    """Link both filters; returns (dict watcher address, function watcher address)."""
    from hotwire.runtime import code_cache
    index_cell = ctypes.c_ssize_t(extra_index)
    for obj in (dict_handler, func_handler, index_cell):   # the filters call and read them for ever
        keep_forever(obj)
    object_code = code_cache.support_code("watchers", watcher_filters.emit_object)
    addresses = object_loader.load(object_code, [DICT_FILTER, FUNC_FILTER], {
        BITMAP: ctypes.addressof(bitmap), FAST_TABLE: ctypes.addressof(fast_table), STR_TYPE: id(type("")),
        DICT_HANDLER_SYMBOL: ctypes.cast(dict_handler, ctypes.c_void_p).value,
        FUNC_HANDLER_SYMBOL: ctypes.cast(func_handler, ctypes.c_void_p).value,
        EXTRA_INDEX_CELL: ctypes.addressof(index_cell)})
    return addresses[DICT_FILTER], addresses[FUNC_FILTER]
