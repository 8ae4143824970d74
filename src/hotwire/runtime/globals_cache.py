"""Globals and builtins for compiled code: one cache cell per (globals dict, name), kept current by
dict watchers, so that LOAD_GLOBAL is one memory load in compiled code.

A cell holds the object that `name` currently denotes for functions with that globals dict (globals
first, then builtins) as a borrowed pointer, or NULL when unknown, in which case compiled code looks the
name up itself (and deopts if it is missing, so the interpreter raises NameError). The dict watcher runs
*before* a watched dict changes and is given the new value, so the cell never points at an object the
dict has let go of. Monkey-patching `builtins.len` or rebinding a global mid-loop is seen at the next
load. Compiled code finds the cells of the called function's namespace in a namespace record
(backend/namespace_records.py, add_namespace), which is freed when either of its dicts is.

Cells are made on the background compiler's thread while the program goes on changing its dicts, so
making a cell (register, watch, fill) and handling a watcher event are serialised by `_lock`: else an
event handled between the compiler's read of a dict and its store into the cell would be overwritten
with the old value, and the set of keys could change while the handler walks it.
"""
import builtins
import ctypes
import threading

from hotwire.backend import namespace_records
from hotwire.backend.engine import keep_forever
from hotwire.backend.layout312 import is_immortal
from hotwire.runtime import code_extra, watchers

_CELLS_PER_CHUNK = 512
_DICT_EVENTS = {0: "added", 1: "modified", 2: "deleted", 3: "cloned", 4: "cleared", 5: "deallocated"}

_add_dict_watcher = ctypes.pythonapi.PyDict_AddWatcher
_add_dict_watcher.argtypes = [ctypes.c_void_p]
_watch = ctypes.pythonapi.PyDict_Watch
_watch.argtypes = [ctypes.c_int, ctypes.py_object]
_add_func_watcher = ctypes.pythonapi.PyFunction_AddWatcher
_add_func_watcher.argtypes = [ctypes.c_void_p]


class _State:
    chunks = []             # ctypes arrays of cells, never freed (compiled code points into them)
    free = []
    cells = {}              # (id(globals), name) -> cell index
    by_dict = {}            # id(dict) -> set of (globals id, name) keys that depend on it
    namespaces = {}         # id(globals) -> id(builtins); both alive until their DEALLOCATED event
    watcher_id = None
    func_watcher_id = None
    extra_index = None
    invalidations = 0
    fast_slots = {}         # id(globals) -> {name: slot of watchers.fast_table}
    records = {}            # id(dict) -> {id(record): (table, slot, record, id(globals), id(builtins))}


def _cell_address(index):
    chunk = _State.chunks[index // _CELLS_PER_CHUNK]
    return ctypes.addressof(chunk) + 8 * (index % _CELLS_PER_CHUNK)


def _set_cell(index, address):
    chunk = _State.chunks[index // _CELLS_PER_CHUNK]
    chunk[index % _CELLS_PER_CHUNK] = address or None


def _new_cell():
    if not _State.free:
        base = len(_State.chunks) * _CELLS_PER_CHUNK
        chunk = (ctypes.c_void_p * _CELLS_PER_CHUNK)()
        keep_forever(chunk)  # compiled code reads it, possibly during shutdown
        _State.chunks.append(chunk)
        _State.free = list(range(base + _CELLS_PER_CHUNK - 1, base - 1, -1))
    return _State.free.pop()


def _resolve(globals_, builtins_, name):
    value = globals_.get(name, _MISSING)
    if value is _MISSING and isinstance(builtins_, dict):
        value = builtins_.get(name, _MISSING)
    return None if value is _MISSING else id(value)


_MISSING = object()
_lock = threading.RLock()   # reentrant: a dict lookup in a locked section may run a key's __eq__


@watchers.DICT_HANDLER
def _on_dict_event(event, dict_address, key_address, new_address):
    """A watched dict is about to change. Update the cells that depend on the key (runs on the thread
    that changes the dict)."""
    try:
        with _lock:
            return _update_cells(event, dict_address, key_address, new_address)
    except BaseException:  # a watcher must not raise: the dict's cells are emptied (always correct)
        for key in _State.by_dict.get(dict_address, ()):
            _set_cell(_State.cells[key], None)
        return 0


def _update_cells(event, dict_address, key_address, new_address):
    if event == 5:
        _forget_records(dict_address)
    keys = _State.by_dict.get(dict_address)
    if not keys:
        return 0
    if event > 2:  # cloned, cleared, deallocated: forget what we knew; compiled code looks up
        for key in keys:
            _set_cell(_State.cells[key], None)
        if event == 5:
            _forget_dict(dict_address)
        _State.invalidations += 1
        return 0
    name = ctypes.cast(key_address, ctypes.py_object).value
    dependents = [key for key in keys if key[1] == name]
    if event == 1 and dependents == [(dict_address, name)] and type(name) is str and is_immortal(name):
        # Only this namespace's cell depends on this key: later modifications go straight to it.
        slot = watchers.remember_global(dict_address, name, _cell_address(_State.cells[dependents[0]]))
        _State.fast_slots.setdefault(dict_address, {})[name] = slot
    for key in dependents:
        globals_ = ctypes.cast(key[0], ctypes.py_object).value
        builtins_ = ctypes.cast(_State.namespaces[key[0]], ctypes.py_object).value
        if dict_address == key[0]:
            value = new_address if event != 2 else None
            if value is None:
                b = builtins_.get(name, _MISSING) if isinstance(builtins_, dict) else _MISSING
                value = None if b is _MISSING else id(b)
        elif name in globals_:
            continue  # a builtin changed, but a global of the same name shadows it
        else:
            value = new_address if event != 2 else None
        _set_cell(_State.cells[key], value)
        _State.invalidations += 1
    return 0


def _forget_dict(address):
    """A watched dict is being deallocated: its cells go back to the free list. No compiled code can
    use them any more: every function that could reach them held this namespace."""
    for slot in _State.fast_slots.pop(address, {}).values():
        watchers.forget_global(slot, address)
    for key in _State.by_dict.pop(address, ()):
        index = _State.cells.pop(key, None)
        if index is not None:
            _set_cell(index, None)
            _State.free.append(index)
        for other in _State.by_dict.values():
            other.discard(key)
    _State.namespaces.pop(address, None)


@watchers.FUNC_HANDLER
def _on_function_event(event, func_address, new_address):
    """__code__ replaced: give the function back to the interpreter's own vectorcall."""
    try:
        if event == 2:
            from hotwire.runtime import install
            func = ctypes.cast(func_address, ctypes.py_object).value
            if func.__code__ in install.units:
                install.uninstall(func)
                _State.invalidations += 1
        return 0
    except BaseException:
        return 0


def ensure_watchers():
    """Install the dict and function watchers (once): the first published unit does, or
    install.prepare_in_line before anything is hot."""
    if _State.watcher_id is not None:
        return
    _State.extra_index = code_extra.new_slot()
    dict_cb, func_cb = watchers.make_filters(_on_dict_event, _on_function_event, _State.extra_index)
    _State.watcher_id = _add_dict_watcher(dict_cb)
    _State.func_watcher_id = _add_func_watcher(func_cb)
    if _State.watcher_id < 0 or _State.func_watcher_id < 0:
        raise RuntimeError("no dict or function watcher available")


def clear_watchers():
    """At exit (api._shutdown), before modules are torn down: no Python handler may run during
    finalization. Without watchers the cells could go stale, so every cell is emptied: compiled code
    that still runs (atexit handlers, __del__ methods) looks its globals up itself."""
    if _State.watcher_id is None:
        return
    with _lock:
        ctypes.pythonapi.PyDict_ClearWatcher(_State.watcher_id)
        ctypes.pythonapi.PyFunction_ClearWatcher(_State.func_watcher_id)
        for index in _State.cells.values():
            _set_cell(index, None)


def publish_entry(code, entry_address):
    """Record compiled code on its code object, so functions created from it later get it at once."""
    ensure_watchers()
    code_extra.store(code, _State.extra_index, entry_address)


def namespace_of(func):
    """func's (globals, builtins), or NotCompilable when compiled code cannot read them through cells."""
    globals_ = func.__globals__
    builtins_ = getattr(func, "__builtins__", builtins.__dict__)
    if type(globals_) is not dict or type(builtins_) is not dict:
        from hotwire.frontend.py312 import NotCompilable   # (the builder: not imported for a cache hit)
        raise NotCompilable("its globals or builtins are not a plain dict (a dict subclass may "
                            "override lookups, which only the interpreter honours)")
    return globals_, builtins_


def _cell_for(globals_, builtins_, name):
    """The cell of `name` for functions with these globals and builtins, made (and filled, and its
    dicts watched) on first use."""
    key = (id(globals_), name)
    index = _State.cells.get(key)
    if index is None:
        index = _new_cell()
        _State.cells[key] = index
        _State.namespaces[id(globals_)] = id(builtins_)
        for d in (globals_, builtins_):
            _State.by_dict.setdefault(id(d), set()).add(key)
        slot = _State.fast_slots.get(id(builtins_), {}).pop(name, None)
        if slot is not None and builtins_ is not globals_:
            # That dict's key now matters to this namespace too: back to the Python handler.
            watchers.forget_global(slot, id(builtins_))
        watchers.mark_name(name)
        _set_cell(index, _resolve(globals_, builtins_, name))
    return _cell_address(index)


def has_namespace(unit, func):
    """True when the unit's table has a record for func's globals and builtins."""
    wanted = (id(func.__globals__), id(func.__builtins__))
    for address in unit.namespace_table:
        record = (ctypes.c_void_p * 2).from_address(address)
        if (record[namespace_records.GLOBALS], record[namespace_records.BUILTINS]) == wanted:
            return True
    return False


def add_namespace(unit, func):
    """Give the unit a record of func's namespace (the cells of its global names there), so that
    func's calls run the compiled code. False when the namespace cannot have one (see namespace_of).
    A full table gives up the slot the namespace's address picks; the record it held stays alive
    (a call may be running with it) until one of its dicts is deallocated."""
    if has_namespace(unit, func):
        return True
    try:
        globals_, builtins_ = namespace_of(func)
    except Exception:
        return False
    ensure_watchers()
    with _lock:
        for d in (globals_, builtins_):
            _watch(_State.watcher_id, d)   # their deallocation must free the record
        record = namespace_records.new_record(
            globals_, builtins_, [_cell_for(globals_, builtins_, name) for name in unit.global_names])
        table = unit.namespace_table
        empty = ctypes.addressof(namespace_records.EMPTY_RECORD)
        slots = [i for i in range(len(table)) if table[i] == empty]
        slot = slots[0] if slots else (id(globals_) >> 4) % len(table)
        table[slot] = ctypes.addressof(record)
        entry = (table, slot, record, id(globals_), id(builtins_))
        for d in {id(globals_), id(builtins_)}:
            _State.records.setdefault(d, {})[id(record)] = entry
    return True


def _forget_records(address):
    """A dict is being deallocated: the records made for namespaces it belonged to are emptied from
    their tables and freed, before a new dict can be allocated at its address."""
    for table, slot, record, globals_address, builtins_address in _State.records.pop(address, {}).values():
        if table[slot] == ctypes.addressof(record):
            table[slot] = ctypes.addressof(namespace_records.EMPTY_RECORD)
        other = builtins_address if address == globals_address else globals_address
        _State.records.get(other, {}).pop(id(record), None)


def invalidation_count():
    return _State.invalidations

