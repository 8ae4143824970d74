"""The dict and function watchers' filters (runtime/watchers.py says what they do), emitted with LLVM.

Everything that differs between processes is an external symbol: the bitmap, the fast table, the
Python handlers, the str type and a cell holding the co_extra index of compiled entries. So the
object code is the same in every process: the code cache keeps it and a later process links it without
LLVM. This module imports LLVM only to emit it.
"""
DICT_FILTER, FUNC_FILTER = "hotwire_dict_watcher", "hotwire_func_watcher"
BITMAP, FAST_TABLE, STR_TYPE = "hw_watch_bitmap", "hw_watch_fast_table", "hw_watch_str"
DICT_HANDLER, FUNC_HANDLER = "hw_watch_dict_handler", "hw_watch_func_handler"
EXTRA_INDEX_CELL = "hw_watch_extra_index"

BITMAP_BITS = 4096
FAST_SLOTS = 1024
STR_HASH_OFFSET = 24       # PyASCIIObject.hash
EVENT_DICT_MODIFIED = 1
EVENT_DICT_DELETED = 2     # ADDED 0, MODIFIED 1, DELETED 2; CLONED/CLEARED/DEALLOCATED follow
EVENT_FUNC_CREATE = 0      # CREATE 0, DESTROY 1, MODIFY_CODE 2, MODIFY_DEFAULTS 3, MODIFY_KWDEFAULTS 4


def emit_object():
    """The object code of both filters (LLVM)."""
    from llvmlite import ir
    from hotwire.backend.engine import emit_object as emit
    module = ir.Module("hotwire_watchers")
    _dict_filter(module)
    _func_filter(module)
    return emit(module)


def _dict_filter(module):
    from llvmlite import ir
    from hotwire.backend.capi import I32, I64, PTR
    from hotwire.backend.link_symbols import external
    fn = ir.Function(module, ir.FunctionType(I32, [I32, PTR, PTR, PTR]), DICT_FILTER)
    event, d, key, new = fn.args
    b = ir.IRBuilder(fn.append_basic_block())
    call_python = fn.append_basic_block("python")
    check_key = fn.append_basic_block("key")
    ignore = fn.append_basic_block("ignore")
    check_table = fn.append_basic_block("fast_table")
    store_cell = fn.append_basic_block("store_cell")
    b.cbranch(b.icmp_signed(">", event, ir.Constant(I32, EVENT_DICT_DELETED)), call_python, check_key)
    b.position_at_end(check_key)
    is_str = b.icmp_unsigned("==", b.load(b.gep(key, [ir.Constant(I64, 8)], source_etype=ir.IntType(8)), typ=PTR),
                             external(module, STR_TYPE))
    h = b.load(b.gep(key, [ir.Constant(I64, STR_HASH_OFFSET)], source_etype=ir.IntType(8)), typ=I64)
    b.cbranch(b.and_(is_str, b.icmp_signed("==", event, ir.Constant(I32, EVENT_DICT_MODIFIED))),
              check_table, check_bitmap := fn.append_basic_block("bitmap"))
    b.position_at_end(check_table)
    slot = b.and_(b.xor(h, b.lshr(b.ptrtoint(d, I64), ir.Constant(I64, 4))), ir.Constant(I64, FAST_SLOTS - 1))
    entry = b.gep(external(module, FAST_TABLE),
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
    word = b.load(b.gep(external(module, BITMAP), [b.lshr(bit, ir.Constant(I64, 6))],
                        source_etype=I64), typ=I64)
    hit = b.icmp_unsigned("!=", b.and_(word, b.shl(ir.Constant(I64, 1), b.and_(bit, ir.Constant(I64, 63)))),
                          ir.Constant(I64, 0))
    b.cbranch(b.or_(b.not_(is_str), hit), call_python, ignore)
    b.position_at_end(ignore)
    b.ret(ir.Constant(I32, 0))
    b.position_at_end(call_python)
    b.ret(b.call(ir.Function(module, fn.function_type, DICT_HANDLER), [event, d, key, new]))


def _func_filter(module):
    from llvmlite import ir
    from hotwire.backend import capi
    from hotwire.backend.capi import I32, I64, PTR
    from hotwire.backend.link_symbols import external
    fn = ir.Function(module, ir.FunctionType(I32, [I32, PTR, PTR]), FUNC_FILTER)
    event, func, new = fn.args
    b = ir.IRBuilder(fn.append_basic_block())
    created = fn.append_basic_block("created")
    other = fn.append_basic_block("other")
    python = fn.append_basic_block("python")
    done = fn.append_basic_block("done")
    b.cbranch(b.icmp_signed("==", event, ir.Constant(I32, EVENT_FUNC_CREATE)), created, other)
    b.position_at_end(created)
    get_extra = ir.Function(module, capi.function_type("PyUnstable_Code_GetExtra"), "PyUnstable_Code_GetExtra")
    set_vc = ir.Function(module, capi.function_type("PyFunction_SetVectorcall"), "PyFunction_SetVectorcall")
    slot = b.alloca(PTR)
    b.store(ir.Constant(PTR, None), slot)
    code = b.load(b.gep(func, [ir.Constant(I64, 48)], source_etype=ir.IntType(8)), typ=PTR)
    b.call(get_extra, [code, b.load(external(module, EXTRA_INDEX_CELL), typ=I64), slot])
    entry = b.load(slot, typ=PTR)
    with b.if_then(b.icmp_unsigned("!=", entry, ir.Constant(PTR, None))):
        b.call(set_vc, [func, entry])
    b.branch(done)
    b.position_at_end(other)
    b.cbranch(b.icmp_signed(">", event, ir.Constant(I32, 1)), python, done)
    b.position_at_end(python)
    b.ret(b.call(ir.Function(module, fn.function_type, FUNC_HANDLER), [event, func, new]))
    b.position_at_end(done)
    b.ret(ir.Constant(I32, 0))
