"""What compiling one code object produces, in a module of its own: the runtime links units from the
code cache (runtime/code_cache.py) without importing the compiler."""
from dataclasses import dataclass, field


@dataclass
class CompiledUnit:
    """What compiling one code object produced. It does not hold the code object: compiled code is
    only needed while some function holds that code, and dies with it (runtime/install.py)."""
    entry_address: int
    object_code: bytes
    keepalive: list
    ir_text: str
    notes: list = field(default_factory=list)
    compile_seconds: float = 0.0
    # The global names read through cache cells, and the table of namespace records in which the
    # entry finds their cells (backend/namespace_records.py; filled by runtime/globals_cache.py).
    global_names: list = field(default_factory=list)
    namespace_table: object = None
    deopt_counters: list = field(default_factory=list)   # (resume offset, ctypes counter) per exit
    # The OSR entry (backend/osr_entry.py; 0 when no loop can be entered), its loop headers (JUMP
    # destination offsets), and its counters: entries taken, OSR runs that ended in a deopt.
    osr_address: int = 0
    osr_offsets: tuple = ()
    osr_entries: object = None
    osr_deopts: object = None
    # The module's external symbols, (name, address, recipe) each (backend/link_symbols.py); why
    # its object code must not be reused by another process (None: it may); its entries' names.
    symbols: list = field(default_factory=list)
    uncacheable: str = None
    entry_names: tuple = ()
    from_cache: bool = False   # linked from the code cache (runtime/code_cache.py), not compiled
