"""Which globals compiled code reads, for each namespace it runs in: the layout of namespace records.

Compiled code belongs to a code object, not to a namespace: the same code object runs with other globals
whenever its module source is executed again (`exec(code, fresh_dict)`, a reloaded module, a test
runner's fresh namespaces), and compiling it anew for each namespace would cost a compile per run.
So the machine code names its global cache cells (runtime/globals_cache.py) by position, and a
*namespace record* says where each one is for one (globals, builtins) pair:

    record[0] = globals dict, record[1] = builtins dict, record[2 + i] = address of the cell of name i

Every unit has a table of TABLE_SLOTS record addresses. The vectorcall entry (frame_abi.py) looks up the
record whose dicts are the called function's and hands it to the body; a function whose namespace has no
record runs in the interpreter, where the hotness callback adds one (runtime/hotness.py,
globals_cache.add_namespace). A record is freed, and its slot emptied, when either dict is deallocated
(before a new dict can take its address), so a slot can never match a namespace it was not made for.
Empty slots point at EMPTY_RECORD, whose globals (NULL) match no function.
"""
import ctypes

TABLE_SLOTS = 8
GLOBALS, BUILTINS, FIRST_CELL = 0, 1, 2

EMPTY_RECORD = (ctypes.c_void_p * 2)()


def new_table():
    """A unit's table of namespace records, all empty."""
    table = (ctypes.c_void_p * TABLE_SLOTS)()
    for i in range(TABLE_SLOTS):
        table[i] = ctypes.addressof(EMPTY_RECORD)
    return table


def new_record(globals_, builtins_, cell_addresses):
    """A record for one namespace. The caller keeps it alive while either dict lives."""
    record = (ctypes.c_void_p * (FIRST_CELL + len(cell_addresses)))()
    record[GLOBALS] = id(globals_)
    record[BUILTINS] = id(builtins_)
    for i, address in enumerate(cell_addresses):
        record[FIRST_CELL + i] = address
    return record
