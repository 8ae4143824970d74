"""The on-disk code cache: the machine code of compiled functions, reused by later runs and by other
processes (a test suite's workers, pyperf's runs, multiprocessing).

What is stored is a unit's object code with its symbols' recipes (backend/link_symbols.py): a process
that loads it binds every symbol to its own address for the same thing, so nothing process-specific
is baked in. Units whose code cannot be described so (attribute caches: type version tags are per
process) are not stored; explain() says why.

The key is a sha256 of everything the machine code depends on: the code object (marshal: bytecode,
constants, names, file, lines), its qualified name, the type feedback the compiler read (the
quickened instruction names, the argument types), the hotwire version and cache format, the
CPython build (version string, SOABI) and the struct layouts hotwire relies on, the CPU LLVM
compiled for (name and features), and the settings that change what is compiled (HOTWIRE_PASSES,
HOTWIRE_DEBUG). A change of any of them is another key. A callee whose frameless clone was inlined is
checked at load time (its code's digest is part of its recipe).

An entry is one file, `<key>.hwc`, written to a temporary file and renamed into place:

    MAGIC | u64 header length | header (JSON) | u64 code length | object code | sha256 of all before

It is used only if the magic, both lengths, the digest and the key in the header all match: a
truncated, corrupt or foreign file is ignored (counted, and replaced by the next store), never
executed. The directory is per user (HOTWIRE_CACHE_DIR, else $XDG_CACHE_HOME/hotwire/code, else
~/.cache/hotwire/code), created with mode 0700; a directory that other users could write to, or that
belongs to someone else, is not used at all. HOTWIRE_CACHE=0 switches the cache off.
"""
import ctypes
import os
import sys
import time
import weakref
import zlib

# hashlib, json and tempfile are imported where used: `hotwire run hello.py` imports this
# module (set_program) and must stay cheap.

MAGIC = b"HOTWIRE-CODE-CACHE\x00v1\n"
SUFFIX = ".hwc"
_LENGTH_SIZE = 8   # a little-endian u64
_DIGEST_SIZE = 32

_counts = {"hits": 0, "misses": 0, "stores": 0, "ignored_entries": 0}
_state = {"refusal": None, "checked": False, "machine": None, "program": None, "program_noted": False}


def directory():
    explicit = os.environ.get("HOTWIRE_CACHE_DIR")
    if explicit:
        return explicit
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "hotwire", "code")


def enabled():
    if os.environ.get("HOTWIRE_CACHE", "1") == "0":
        return False
    if not _state["checked"]:
        _state["checked"] = True
        _state["refusal"] = _check_directory(directory())
    return _state["refusal"] is None


def _check_directory(path):
    """None when `path` is a private directory of this user (made so if missing), else why not."""
    try:
        os.makedirs(path, mode=0o700, exist_ok=True)
        info = os.stat(path)
    except OSError as e:
        return f"cannot create {path}: {e.strerror}"
    if info.st_uid != os.getuid():
        return f"{path} belongs to another user"
    if info.st_mode & 0o022:
        return f"{path} can be written by other users (mode {oct(info.st_mode & 0o777)})"
    return None


def counts():
    return dict(_counts)


# ---- the key -----------------------------------------------------------------------------------------

def machine_identity():
    """What identifies this hotwire, this CPython build and this CPU (computed once)."""
    if _state["machine"] is None:
        import json
        import sysconfig
        import llvmlite.binding as llvm
        import hotwire
        from hotwire.backend import layout312
        features = llvm.get_host_cpu_features().flatten()
        _state["machine"] = json.dumps([
            MAGIC.decode("latin-1"), hotwire.__version__, sys.version, sysconfig.get_config_var("SOABI"),
            sorted(layout312.OFFSETS.items()), llvm.get_host_cpu_name(), features,
            os.environ.get("HOTWIRE_PASSES", ""), bool(os.environ.get("HOTWIRE_DEBUG"))])
    return _state["machine"]


def key(code, qualname, arg_types):
    import hashlib
    import json
    import marshal
    from hotwire.frontend.bytecode import decode
    feedback = [ins.specialised for ins in decode(code).instrs]
    types_ = sorted((i, t.__name__) for i, t in (arg_types or {}).items())
    h = hashlib.sha256()
    for part in (machine_identity(), qualname, json.dumps([feedback, types_])):
        h.update(part.encode())
        h.update(b"\x00")
    h.update(marshal.dumps(code))
    return h.hexdigest()


# ---- storing -----------------------------------------------------------------------------------------

def store(cache_key, unit):
    """Write the unit's entry (nothing if it is not cacheable or the cache is off)."""
    if unit.uncacheable is not None or not enabled():
        return
    import hashlib
    import json
    import tempfile
    header = json.dumps({
        "key": cache_key, "entries": list(unit.entry_names),
        "symbols": [[name, list(recipe)] for name, _address, recipe in unit.symbols],
        "osr_offsets": list(unit.osr_offsets), "global_names": unit.global_names,
        "deopt_offsets": [offset for offset, _ in unit.deopt_counters],
        "notes": unit.notes, "ir_text": unit.ir_text}).encode()
    body = (MAGIC + _u64(len(header)) + header + _u64(len(unit.object_code)) + unit.object_code)
    data = body + hashlib.sha256(body).digest()
    path = os.path.join(directory(), cache_key + SUFFIX)
    try:
        fd, temporary = tempfile.mkstemp(dir=directory(), prefix=".tmp-", suffix=SUFFIX)
        try:
            with os.fdopen(fd, "wb") as f:   # mkstemp makes it 0600
                f.write(data)
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError:
        return   # a full or read-only disk costs the cache, never the program
    _counts["stores"] += 1


# ---- loading -----------------------------------------------------------------------------------------

def _u64(n):
    return n.to_bytes(_LENGTH_SIZE, "little")


def read_entry(path, cache_key):
    """(header, object code) of a valid entry for `cache_key`, else None."""
    import hashlib
    import json
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError:
        return None
    try:
        if len(data) < len(MAGIC) + 2 * _LENGTH_SIZE + _DIGEST_SIZE or not data.startswith(MAGIC):
            raise ValueError("not an entry")
        body, digest = data[:-_DIGEST_SIZE], data[-_DIGEST_SIZE:]
        if hashlib.sha256(body).digest() != digest:
            raise ValueError("digest mismatch")
        at = len(MAGIC)
        header_length = int.from_bytes(body[at:at + _LENGTH_SIZE], "little")
        at += _LENGTH_SIZE
        header = json.loads(body[at:at + header_length])
        at += header_length
        code_length = int.from_bytes(body[at:at + _LENGTH_SIZE], "little")
        at += _LENGTH_SIZE
        object_code = body[at:]
        if len(object_code) != code_length or header.get("key") != cache_key:
            raise ValueError("foreign or truncated")
        return header, object_code
    except (ValueError, UnicodeDecodeError):
        _counts["ignored_entries"] += 1
        return None


def load(code, cache_key, namespace):
    """The CompiledUnit of a valid entry, linked into this process, or None."""
    if not enabled():
        return None
    start = time.perf_counter()
    found = read_entry(os.path.join(directory(), cache_key + SUFFIX), cache_key)
    if found is None:
        _counts["misses"] += 1
        return None
    header, object_code = found
    unit = _link(code, header, object_code, namespace, start)
    _counts["hits" if unit is not None else "misses"] += 1
    return unit


def _link(code, header, object_code, namespace, start):
    from hotwire.backend import engine, link_symbols, namespace_records
    from hotwire.backend.capi import interpreter_state
    from hotwire.compiled_unit import CompiledUnit
    from hotwire.backend.osr_entry import lookups_still_safe
    names = header["entries"]
    if not lookups_still_safe(code, header["osr_offsets"]) or not header["symbols"]:
        return None
    if engine.symbol_bound(header["symbols"][0][0]):
        # This machine code is linked in this process already (compiled here, or loaded for an
        # equal code object): linking it again would define its functions twice, and the JIT would
        # resolve their names to the first copy, bound to the other unit's objects.
        return None
    owned = {}
    keepalive = []

    def buffer(role):
        """The address of the unit-owned object a "buffer" recipe names, made at its first use."""
        role = tuple(role)
        if role not in owned:
            owned[role] = _make_buffer(role, keepalive)
            keepalive.append(owned[role])
        return ctypes.addressof(owned[role])

    bindings, symbols = [], []
    interp = interpreter_state()
    try:
        for name, recipe in header["symbols"]:
            address = link_symbols.resolve(recipe, code, namespace, interp, buffer)
            if address is None:
                return None
            bindings.append((name, address))
            symbols.append((name, address, tuple(recipe)))
    except (ValueError, KeyError, IndexError, TypeError):
        return None
    addresses = engine.load_object(object_code, names, bindings)

    def owned_or_new(role, make):
        # (not `owned.get(role) or make()`: a ctypes counter holding 0 is false)
        return owned[role] if role in owned else make()

    deopt_counters = [(offset, owned_or_new(("deopt", i), ctypes.c_uint64))
                      for i, offset in enumerate(header["deopt_offsets"])]
    osr_entries = owned_or_new(("osr_entries",), ctypes.c_uint64)
    osr_deopts = owned_or_new(("osr_deopts",), ctypes.c_uint64)
    table = owned_or_new(("namespace_table",), namespace_records.new_table)
    return CompiledUnit(
        addresses[names[0]], object_code, keepalive, header["ir_text"],
        header["notes"] + ["machine code from the code cache (runtime/code_cache.py)"],
        time.perf_counter() - start, header["global_names"], table, deopt_counters,
        addresses[names[1]] if len(names) > 1 else 0, tuple(header["osr_offsets"]), osr_entries,
        osr_deopts, symbols, None, tuple(names), from_cache=True)


def _make_buffer(role, keepalive):
    from hotwire.backend import namespace_records
    kind = role[0]
    if kind == "namespace_table":
        return namespace_records.new_table()
    if kind in ("deopt", "osr_entries", "osr_deopts"):
        return ctypes.c_uint64(0)
    if kind == "pure_failures":
        return ctypes.c_int32(0)
    if kind == "text":
        return ctypes.create_string_buffer(role[1].encode())
    if kind == "alive_cell":
        return _alive_cell(role[1], keepalive)
    raise ValueError(f"unknown buffer {kind!r}")


def _alive_cell(callee, keepalive):
    """A cell holding the callee code's address until it dies (Lowering.load_address_while_alive)."""
    cell = ctypes.c_void_p(id(callee))

    def forget(_ref, cell=cell):
        cell.value = None

    keepalive.append(weakref.ref(callee, forget))
    return cell


# ---- programs that had compiled code: prepare early -------------------------------------------------

def _program_marker(path):
    name = os.path.realpath(path).encode()
    return os.path.join(directory(), "programs", "%08x-%d" % (zlib.crc32(name), len(name)))


def set_program(path):
    """The script this process runs (`hotwire run script.py`). True when an earlier run of it had
    compiled code: then the linker is worth preparing at start-up (install.prepare_linking), before
    the first function is hot, so that cached machine code is in place as early as possible. A
    program that never had any (hello.py) loads nothing: start-up stays as cheap as without hotwire."""
    _state["program"] = path
    return os.environ.get("HOTWIRE_CACHE", "1") != "0" and os.path.exists(_program_marker(path))


def note_program():
    """Remember that the running script had compiled code (once per process)."""
    if _state["program"] is None or _state["program_noted"] or not enabled():
        return
    _state["program_noted"] = True
    marker = _program_marker(_state["program"])
    try:
        os.makedirs(os.path.dirname(marker), mode=0o700, exist_ok=True)
        os.close(os.open(marker, os.O_CREAT | os.O_WRONLY, 0o600))
    except OSError:
        pass


# ---- `hotwire cache info|clear` -------------------------------------------------------------------

def entries():
    try:
        names = os.listdir(directory())
    except OSError:
        return []
    return [os.path.join(directory(), n) for n in sorted(names) if n.endswith(SUFFIX)]


def info():
    files = entries()
    size = sum(os.path.getsize(f) for f in files if os.path.exists(f))
    lines = [f"code cache: {directory()}",
             f"  entries: {len(files)}, {size / 1024:.1f} KiB"]
    problem = _check_directory(directory()) if os.environ.get("HOTWIRE_CACHE", "1") != "0" else \
        "switched off by HOTWIRE_CACHE=0"
    if problem:
        lines.append(f"  not used: {problem}")
    return "\n".join(lines) + "\n"


def clear():
    removed = 0
    for path in entries():
        try:
            os.unlink(path)
            removed += 1
        except OSError:
            pass
    return removed
