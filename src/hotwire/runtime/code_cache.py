"""The on-disk code cache: the machine code of compiled functions, reused by later runs and by other
processes (a test suite's workers, pyperf's runs, multiprocessing).

What is stored is a unit's object code with its symbols' recipes (backend/link_symbols.py): a process
that loads it binds every symbol to its own address for the same thing, so nothing process-specific
is baked in (attribute caches' type version tags come from the loading process's own inline caches).
Units whose code cannot be described so are not stored; explain() says why.

The key is a sha256 of everything the machine code depends on: the code object (marshal: bytecode,
constants, names, file, lines), its qualified name, the type feedback the compiler read (the
quickened opcodes of the instructions whose feedback it reads, the argument types), the hotwire version, the digest of its sources and the
cache format, the CPython build (version string, ABI) and the struct layouts hotwire relies on, the
llvmlite library, the CPU (vendor, model and feature flags), and the settings that change what is
compiled (HOTWIRE_PASSES, HOTWIRE_DEBUG). A change of any of them is another key. A callee whose
frameless clone was inlined is checked at load time (its code's digest is part of its recipe).
hotwire's own C-level helpers (the JUMP/LINE and PY_START callbacks, the watchers' filters) are
entries too, keyed by the machine identity alone (`support_code`). The object code is linked by
backend/object_loader.py: a process whose machine code is all in the cache never loads LLVM.

An entry is one file, `<key>.hwc`, written to a temporary file and renamed into place:

    MAGIC | u64 header length | header (marshal) | u64 code length | object code | sha256 of all before

It is used only if the magic, both lengths, the digest and the key in the header all match: a
truncated, corrupt or foreign file is ignored (counted, and replaced by the next store), never
executed. The directory is per user (HOTWIRE_CACHE_DIR, else $XDG_CACHE_HOME/hotwire/code, else
~/.cache/hotwire/code), created with mode 0700; a directory that other users could write to, or that
belongs to someone else, is not used at all. HOTWIRE_CACHE=0 switches the cache off.
"""
import ctypes
import marshal
import opcode
import os
import sys
import time
import weakref
import zlib

# Only cheap modules: `hotwire run hello.py` imports this module (set_program), and a process whose
# machine code is all in the cache should spend its time running it, not importing (json, hashlib,
# dataclasses and sysconfig together took 55 ms here). tempfile is imported when an entry is written.
try:
    from _sha2 import sha256   # what hashlib.sha256 computes, without loading OpenSSL
except ImportError:
    from hashlib import sha256

MAGIC = b"HOTWIRE-CODE-CACHE\x00v2\n"
SUFFIX = ".hwc"
_LENGTH_SIZE = 8   # a little-endian u64
_DIGEST_SIZE = 32

_counts = {"hits": 0, "misses": 0, "stores": 0, "ignored_entries": 0}
_state = {"refusal": None, "checked": False, "machine": None, "program": None, "program_noted": False,
          "program_compiled": False}


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
    """What identifies this hotwire, this CPython build, this LLVM and this CPU (computed once, without
    importing LLVM: a process whose machine code is all in the cache never loads it). hotwire is
    identified by its sources too, not only its version: an edited compiler in a development
    checkout must not find the machine code its previous state made."""
    if _state["machine"] is None:
        import hotwire
        from hotwire.backend import layout312
        build = (sys.implementation.cache_tag, getattr(sys.implementation, "_multiarch", ""), sys.abiflags)
        _state["machine"] = repr([
            MAGIC.decode("latin-1"), hotwire.__version__, _sources_digest(), sys.version, build,
            sorted(layout312.OFFSETS.items()), _llvm_build(), _cpu(),
            os.environ.get("HOTWIRE_PASSES", ""), bool(os.environ.get("HOTWIRE_DEBUG"))])
    return _state["machine"]


def _sources_digest():
    """hotwire's sources, by name, size and modification time (reading them all took 8 ms: this is
    computed at the start of every program run whose earlier runs had compiled code)."""
    import hotwire
    found = []

    def walk(folder, prefix):
        for entry in os.scandir(folder):
            if entry.is_dir():
                walk(entry.path, prefix + entry.name + "/")
            elif entry.name.endswith(".py"):
                info = entry.stat()
                found.append((prefix + entry.name, info.st_size, info.st_mtime_ns))

    walk(os.path.dirname(hotwire.__file__), "")
    return sha256(repr(sorted(found)).encode()).hexdigest()


def _llvm_build():
    """The llvmlite library that would compile here (its file's size and time), found on sys.path as
    the import would find it, without loading it (nor importlib.util: this may run in a callback)."""
    for entry in sys.path:
        folder = os.path.join(entry or ".", "llvmlite", "binding")
        if os.path.isdir(folder):
            found = []
            for name in sorted(os.listdir(folder)):
                if name.startswith("libllvmlite"):
                    info = os.stat(os.path.join(folder, name))
                    found.append((name, info.st_size, info.st_mtime_ns))
            return found
    return None


def _cpu():
    """The CPU, as the kernel describes it (vendor, family, model, stepping, feature flags): machine
    code compiled for the host CPU may use any of its features, so another CPU is another key. Where
    /proc/cpuinfo is missing, LLVM is asked."""
    try:
        with open("/proc/cpuinfo") as f:
            first = f.read().split("\n\n")[0]
    except OSError:
        first = ""
    fields = {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in first.splitlines())}
    described = [fields.get(k) for k in ("vendor_id", "cpu family", "model", "model name", "stepping", "flags")]
    if fields.get("flags"):
        return described
    import llvmlite.binding as llvm
    return [llvm.get_host_cpu_name(), llvm.get_host_cpu_features().flatten()]


def key(code, qualname, arg_types, feedback=True):
    """`feedback=False`: without the type feedback, for code looked up before it has run (a module's
    code, at its start: runtime/module_entry.py)."""
    h = sha256()
    types_ = sorted((i, t.__name__) for i, t in (arg_types or {}).items())
    for part in (machine_identity(), qualname, repr(types_)):
        h.update(part.encode())
        h.update(b"\x00")
    h.update(_feedback_read(code) if feedback else b"no feedback")
    h.update(marshal.dumps(code))
    return h.hexdigest()


# The instructions whose quickened form the compiler reads (passes/specialise_types.py,
# frontend/attr_feedback.py). Any other instruction is in the key as its plain opcode: how tier 0
# specialised a call or a global load changes nothing the compiler makes, and it does change from
# run to run (a call of a function that is compiled from the start is never specialised), which made
# a warm cache miss for every caller of such a function.
FEEDBACK_INSTRUCTIONS = frozenset({"BINARY_OP", "COMPARE_OP", "BINARY_SUBSCR", "STORE_SUBSCR", "FOR_ITER",
                                   "LOAD_ATTR", "STORE_ATTR"})


def _feedback_read(code):
    """The type feedback the compiler reads, from one copy of `_co_code_adaptive`: the opcode the
    specialising interpreter left at each instruction whose feedback the compiler reads
    (BINARY_OP_ADD_INT for BINARY_OP, say), the plain opcode at every other; and where each cached
    attribute access found its attribute (kind and index, not the per-process version tags:
    backend/symbol_recipes.py binds those at link time). A polymorphic method meets subclasses whose
    instances hold an attribute at different indexes, and which one tier 0 saw last varies from run to
    run: with the index outside the key, each run refused the unit stored by the run before and stored
    its own in its place."""
    from hotwire.frontend.attr_feedback import live_attr_feedback
    from hotwire.frontend.raw_bytecode import instructions
    adaptive = code._co_code_adaptive
    opcodes = bytes(adaptive[at] if opcode.opname[op] in FEEDBACK_INSTRUCTIONS else op
                    for at, op, _, _ in instructions(code))
    layouts = sorted((at, f.kind, f.index) for at, f in live_attr_feedback(code, adaptive).items())
    return opcodes + repr(layouts).encode()


# ---- storing -----------------------------------------------------------------------------------------

def store(cache_key, unit):
    """Write the unit's entry (nothing if it is not cacheable or the cache is off)."""
    if unit.uncacheable is not None or not enabled():
        return
    if _write(cache_key, {
        "key": cache_key, "entries": list(unit.entry_names),
        "symbols": [[name, list(recipe)] for name, _address, recipe in unit.symbols],
        "osr_offsets": list(unit.osr_offsets), "global_names": unit.global_names,
        "deopt_offsets": [offset for offset, _ in unit.deopt_counters],
        "notes": unit.notes, "ir_text": unit.ir_text}, unit.object_code):
        _counts["stores"] += 1


def _write(cache_key, header, object_code):
    """Write one entry; False when the disk would not take it."""
    import tempfile
    header = marshal.dumps(header)
    body = (MAGIC + _u64(len(header)) + header + _u64(len(object_code)) + object_code)
    data = body + sha256(body).digest()
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
        return False   # a full or read-only disk costs the cache, never the program
    return True


SUPPORT_PREFIX = "support-"   # the file names of helpers' entries, apart from the units'


def _support_key(name):
    return SUPPORT_PREFIX + sha256(f"{machine_identity()}\x00support\x00{name}".encode()).hexdigest()


def support_cached(*names):
    """Whether the cache has entries for these helpers (they may still turn out corrupt)."""
    return enabled() and all(os.path.exists(os.path.join(directory(), _support_key(n) + SUFFIX))
                             for n in names)


def support_code(name, emit):
    """The object code of one of hotwire's own C-level helpers (the JUMP callback, the watchers):
    from the cache, else made by `emit()` (with LLVM) and stored. It depends only on the machine,
    so it is keyed by the machine identity and its name."""
    if not enabled():
        return emit()
    cache_key = _support_key(name)
    found = read_entry(os.path.join(directory(), cache_key + SUFFIX), cache_key)
    if found is not None:
        return found[1]
    object_code = emit()
    _write(cache_key, {"key": cache_key, "support": name}, object_code)
    return object_code


# ---- loading -----------------------------------------------------------------------------------------

def _u64(n):
    return n.to_bytes(_LENGTH_SIZE, "little")


def read_entry(path, cache_key, counted=True):
    """(header, object code) of a valid entry for `cache_key`, else None (an invalid one is
    counted as ignored, if `counted`)."""
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError:
        return None
    try:
        if len(data) < len(MAGIC) + 2 * _LENGTH_SIZE + _DIGEST_SIZE or not data.startswith(MAGIC):
            raise ValueError("not an entry")
        body, digest = data[:-_DIGEST_SIZE], data[-_DIGEST_SIZE:]
        if sha256(body).digest() != digest:
            raise ValueError("digest mismatch")
        at = len(MAGIC)
        header_length = int.from_bytes(body[at:at + _LENGTH_SIZE], "little")
        at += _LENGTH_SIZE
        header = marshal.loads(body[at:at + header_length])   # trusted: the digest matched
        at += header_length
        code_length = int.from_bytes(body[at:at + _LENGTH_SIZE], "little")
        at += _LENGTH_SIZE
        object_code = body[at:]
        if len(object_code) != code_length or header.get("key") != cache_key:
            raise ValueError("foreign or truncated")
        return header, object_code
    except (ValueError, EOFError, TypeError, AttributeError):
        if counted:
            _counts["ignored_entries"] += 1
        return None


def load(code, cache_key, namespace, counted=True):
    """The CompiledUnit of a valid entry, linked into this process, or None. `counted`: False for a
    first try whose failure another try will count (install._load_in_line)."""
    if not enabled():
        return None
    start = time.perf_counter()
    path = os.path.join(directory(), cache_key + SUFFIX)
    if not counted and not os.path.exists(path):
        return None
    found = read_entry(path, cache_key, counted)
    unit = None if found is None else _link(code, found[0], found[1], namespace, start)
    if counted or unit is not None:
        _counts["hits" if unit is not None else "misses"] += 1
    return unit


def _link(code, header, object_code, namespace, start):
    from hotwire.backend import namespace_records, object_loader, symbol_recipes
    from hotwire.compiled_unit import CompiledUnit
    from hotwire.frontend.handler_lookup import lookups_still_safe
    names = header["entries"]
    if not lookups_still_safe(code, header["osr_offsets"]) or not header["symbols"]:
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

    snapshot = []

    def attr_feedback(offset):
        """The unit's attribute accesses as this process's tier 0 has them, read once (all of them from
        one copy: the version and the method of one access must belong together)."""
        if not snapshot:
            from hotwire.frontend.attr_feedback import live_attr_feedback
            snapshot.append(live_attr_feedback(code))
        return snapshot[0].get(offset)

    bindings, symbols = [], []
    interp = symbol_recipes.interpreter_state()
    try:
        for name, recipe in header["symbols"]:
            address = symbol_recipes.resolve(recipe, code, namespace, interp, buffer, attr_feedback)
            if address is None:
                return None
            bindings.append((name, address))
            symbols.append((name, address, tuple(recipe)))
    except (ValueError, KeyError, IndexError, TypeError):
        return None
    try:
        addresses = object_loader.load(object_code, names, dict(bindings), code.co_qualname)
    except object_loader.UnsupportedObject:
        return None

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
    if kind == "u32":
        return ctypes.c_uint32(role[1])
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
    compiled code: then the linker is worth preparing at start-up (install.prepare_in_line), before
    the first function is hot, so that cached machine code is in place as early as possible. A
    program that never had any (hello.py) loads nothing: start-up stays as cheap as without hotwire."""
    _state["program"] = path
    _state["program_compiled"] = os.environ.get("HOTWIRE_CACHE", "1") != "0" and os.path.exists(_program_marker(path))
    return _state["program_compiled"]


def program_was_compiled():
    """What set_program found: an earlier run of this script had compiled code."""
    return _state["program_compiled"]


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
    """Every entry's path: the units' and the helpers'."""
    try:
        names = os.listdir(directory())
    except OSError:
        return []
    return [os.path.join(directory(), n) for n in sorted(names) if n.endswith(SUFFIX)]


def info():
    files = entries()
    size = sum(os.path.getsize(f) for f in files if os.path.exists(f))
    helpers = sum(os.path.basename(f).startswith(SUPPORT_PREFIX) for f in files)
    lines = [f"code cache: {directory()}",
             f"  entries: {len(files) - helpers} compiled functions and {helpers} helpers, "
             f"{size / 1024:.1f} KiB"]
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
