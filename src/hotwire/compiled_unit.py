"""What compiling one code object produces, in a module of its own: the runtime links units from the
code cache (runtime/code_cache.py) without importing the compiler. A plain class, not a dataclass:
importing dataclasses (it imports inspect) costs 30 ms, more than linking a unit from the cache."""


class CompiledUnit:
    """What compiling one code object produced. It does not hold the code object: compiled code is
    only needed while some function holds that code, and dies with it (runtime/install.py).

    global_names, namespace_table: the global names read through cache cells, and the table of
    namespace records in which the entry finds their cells (backend/namespace_records.py; filled by
    runtime/globals_cache.py). deopt_counters: (resume offset, ctypes counter) per exit.
    osr_address, osr_offsets, osr_entries, osr_deopts: the OSR entry (backend/osr_entry.py; 0 when no
    loop can be entered), its loop headers (JUMP destination offsets), and its counters: entries
    taken, OSR runs that ended in a deopt. symbols: the module's external symbols, (name, address,
    recipe) each (backend/link_symbols.py); uncacheable: why its object code must not be reused by
    another process (None: it may); entry_names: its entries' names; from_cache: linked from the code
    cache (runtime/code_cache.py), not compiled."""

    def __init__(self, entry_address, object_code, keepalive, ir_text, notes=None, compile_seconds=0.0,
                 global_names=None, namespace_table=None, deopt_counters=None, osr_address=0,
                 osr_offsets=(), osr_entries=None, osr_deopts=None, symbols=None, uncacheable=None,
                 entry_names=(), from_cache=False):
        self.entry_address = entry_address
        self.object_code = object_code
        self.keepalive = keepalive
        self.ir_text = ir_text
        self.notes = [] if notes is None else notes
        self.compile_seconds = compile_seconds
        self.global_names = [] if global_names is None else global_names
        self.namespace_table = namespace_table
        self.deopt_counters = [] if deopt_counters is None else deopt_counters
        self.osr_address = osr_address
        self.osr_offsets = osr_offsets
        self.osr_entries = osr_entries
        self.osr_deopts = osr_deopts
        self.symbols = [] if symbols is None else symbols
        self.uncacheable = uncacheable
        self.entry_names = entry_names
        self.from_cache = from_cache
