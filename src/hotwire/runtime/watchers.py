"""CPython 3.12 dict and function watchers, with their first filter compiled by LLVM.

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
"""
import ctypes

from llvmlite import ir

from hotwire.backend import capi
from hotwire.backend.capi import I32, I64, PTR
from hotwire.backend.engine import compile_module, keep_forever

BITMAP_BITS = 4096
_STR_HASH_OFFSET = 24       # PyASCIIObject.hash
_EVENT_DICT_DELETED = 2     # ADDED 0, MODIFIED 1, DELETED 2; CLONED/CLEARED/DEALLOCATED follow
_EVENT_FUNC_CREATE = 0      # CREATE 0, DESTROY 1, MODIFY_CODE 2, MODIFY_DEFAULTS 3, MODIFY_KWDEFAULTS 4

DICT_HANDLER = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p)
FUNC_HANDLER = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)

bitmap = (ctypes.c_uint64 * (BITMAP_BITS // 64))()
keep_forever(bitmap)
FAST_SLOTS = 1024
_EVENT_DICT_MODIFIED = 1
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


def _dict_filter(module, handler_address):
    fn = ir.Function(module, ir.FunctionType(I32, [I32, PTR, PTR, PTR]), "hotwire_dict_watcher")
    event, d, key, new = fn.args
    b = ir.IRBuilder(fn.append_basic_block())
    call_python = fn.append_basic_block("python")
    check_key = fn.append_basic_block("key")
    ignore = fn.append_basic_block("ignore")
    check_table = fn.append_basic_block("fast_table")
    store_cell = fn.append_basic_block("store_cell")
    b.cbranch(b.icmp_signed(">", event, ir.Constant(I32, _EVENT_DICT_DELETED)), call_python, check_key)
    b.position_at_end(check_key)
    is_str = b.icmp_unsigned("==", b.load(b.gep(key, [ir.Constant(I64, 8)], source_etype=ir.IntType(8)), typ=PTR),
                             ir.Constant(I64, id(str)).inttoptr(PTR))
    h = b.load(b.gep(key, [ir.Constant(I64, _STR_HASH_OFFSET)], source_etype=ir.IntType(8)), typ=I64)
    b.cbranch(b.and_(is_str, b.icmp_signed("==", event, ir.Constant(I32, _EVENT_DICT_MODIFIED))),
              check_table, check_bitmap := fn.append_basic_block("bitmap"))
    b.position_at_end(check_table)
    slot = b.and_(b.xor(h, b.lshr(b.ptrtoint(d, I64), ir.Constant(I64, 4))), ir.Constant(I64, FAST_SLOTS - 1))
    entry = b.gep(ir.Constant(I64, ctypes.addressof(fast_table)).inttoptr(PTR),
                  [b.mul(slot, ir.Constant(I64, 3))], source_etype=I64)
    same_dict = b.icmp_unsigned("==", b.load(entry, typ=I64), b.ptrtoint(d, I64))
    same_key = b.icmp_unsigned("==", b.load(b.gep(entry, [ir.Constant(I64, 1)], source_etype=I64), typ=I64),
                               b.ptrtoint(key, I64))
    b.cbranch(b.and_(same_dict, same_key), store_cell, check_bitmap)
    b.position_at_end(store_cell)
    cell = b.load(b.gep(entry, [ir.Constant(I64, 2)], source_etype=I64), typ=PTR)
    b.store(new, cell)
    b.ret(ir.Constant(I32, 0))
    b.position_at_end(check_bitmap)
    bit = b.and_(h, ir.Constant(I64, BITMAP_BITS - 1))
    word = b.load(b.gep(ir.Constant(I64, ctypes.addressof(bitmap)).inttoptr(PTR), [b.lshr(bit, ir.Constant(I64, 6))],
                        source_etype=I64), typ=I64)
    hit = b.icmp_unsigned("!=", b.and_(word, b.shl(ir.Constant(I64, 1), b.and_(bit, ir.Constant(I64, 63)))),
                          ir.Constant(I64, 0))
    b.cbranch(b.or_(b.not_(is_str), hit), call_python, ignore)
    b.position_at_end(ignore)
    b.ret(ir.Constant(I32, 0))
    b.position_at_end(call_python)
    handler = b.inttoptr(ir.Constant(I64, handler_address), ir.PointerType(fn.function_type))
    b.ret(b.call(handler, [event, d, key, new]))
    return fn.name


def _func_filter(module, handler_address, extra_index):
    fn = ir.Function(module, ir.FunctionType(I32, [I32, PTR, PTR]), "hotwire_func_watcher")
    event, func, new = fn.args
    b = ir.IRBuilder(fn.append_basic_block())
    created = fn.append_basic_block("created")
    other = fn.append_basic_block("other")
    python = fn.append_basic_block("python")
    done = fn.append_basic_block("done")
    b.cbranch(b.icmp_signed("==", event, ir.Constant(I32, _EVENT_FUNC_CREATE)), created, other)
    b.position_at_end(created)
    get_extra = ir.Function(module, capi.function_type("PyUnstable_Code_GetExtra"), "PyUnstable_Code_GetExtra")
    set_vc = ir.Function(module, capi.function_type("PyFunction_SetVectorcall"), "PyFunction_SetVectorcall")
    slot = b.alloca(PTR)
    b.store(ir.Constant(PTR, None), slot)
    code = b.load(b.gep(func, [ir.Constant(I64, 48)], source_etype=ir.IntType(8)), typ=PTR)
    b.call(get_extra, [code, ir.Constant(I64, extra_index), slot])
    entry = b.load(slot, typ=PTR)
    with b.if_then(b.icmp_unsigned("!=", entry, ir.Constant(PTR, None))):
        b.call(set_vc, [func, entry])
    b.branch(done)
    b.position_at_end(other)
    b.cbranch(b.icmp_signed(">", event, ir.Constant(I32, 1)), python, done)
    b.position_at_end(python)
    handler = b.inttoptr(ir.Constant(I64, handler_address), ir.PointerType(fn.function_type))
    b.ret(b.call(handler, [event, func, new]))
    b.position_at_end(done)
    b.ret(ir.Constant(I32, 0))
    return fn.name


def compile_filters(dict_handler, func_handler, extra_index):
    """Compile both filters; returns (dict watcher address, function watcher address)."""
    module = ir.Module("hotwire_watchers")
    keep_forever(dict_handler)   # the ctypes thunks must outlive the watchers
    keep_forever(func_handler)
    d = _dict_filter(module, ctypes.cast(dict_handler, ctypes.c_void_p).value)
    f = _func_filter(module, ctypes.cast(func_handler, ctypes.c_void_p).value, extra_index)
    addresses, _ = compile_module(module, [d, f])
    return addresses[d], addresses[f]
