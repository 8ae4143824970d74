"""Our own linker: maps LLVM's object code (ELF64, x86-64, relocatable) into executable memory.

Why not LLVM's JIT linker: a process that finds its machine code in the code cache
(runtime/code_cache.py) would have to import LLVM only to link it, and importing llvmlite takes
0.1 s (0.3 s when the program runs at the same time), more than a short program runs. The object
code hotwire makes is simple, so its linking is too:
  - sections: code (`.ltext`, `.text`), constants (`.rodata*`), rarely data; `.eh_frame` is not
    loaded (nothing unwinds through compiled code: it returns errors as NULL, like C API code);
  - relocations: 64-bit absolute (`R_X86_64_64`, what the large code model uses for every address)
    and PC-relative (`R_X86_64_PC64`, `PC32`/`PLT32` when the target is within 2 GiB);
  - undefined symbols: the unit's `hw_*` symbols, bound by the caller (backend/link_symbols.py), and
    C functions of the interpreter and libc (`PyNumber_Add`, `memcpy`), found with dlsym.
Anything else (another relocation type, a common symbol, a symbol nobody defines) raises
UnsupportedObject before any memory is made executable: the function stays interpreted.

Memory is mapped per object, code pages read+execute, constant pages read-only, data pages
read+write, and never unmapped: machine code must outlive every function object that may still call
it, including calls made while the interpreter shuts down.

With HOTWIRE_PERF_MAP=1, every function linked is also written to /tmp/perf-<pid>.map (start, size,
name and the Python function it was compiled from), the file `perf report` reads for JIT code, as
CPython's own `-X perf` does: a profile then names compiled code instead of showing bare addresses.
"""
import _ctypes
import ctypes
import os
import struct

_libc = ctypes.CDLL(None, use_errno=True)
_mmap = _libc.mmap
_mmap.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int, ctypes.c_int, ctypes.c_int, ctypes.c_long]
_mmap.restype = ctypes.c_void_p
_mprotect = _libc.mprotect
_mprotect.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int]
_mprotect.restype = ctypes.c_int
_munmap = _libc.munmap
_munmap.argtypes = [ctypes.c_void_p, ctypes.c_size_t]
_munmap.restype = ctypes.c_int

PAGE = 4096
PROT_READ, PROT_WRITE, PROT_EXEC = 1, 2, 4
MAP_PRIVATE, MAP_ANONYMOUS = 0x02, 0x20
MAP_FAILED = (1 << 64) - 1

SHT_PROGBITS, SHT_SYMTAB, SHT_RELA, SHT_NOBITS = 1, 2, 4, 8
SHT_X86_64_UNWIND = 0x70000001
SHF_WRITE, SHF_ALLOC, SHF_EXECINSTR = 0x1, 0x2, 0x4
SHN_UNDEF, SHN_ABS, SHN_COMMON = 0, 0xFFF1, 0xFFF2
STT_FUNC, STT_SECTION = 2, 3
R_X86_64_64, R_X86_64_PC32, R_X86_64_PLT32, R_X86_64_PC64 = 1, 2, 4, 24

_ELF_HEADER = struct.Struct("<16sHHIQQQIHHHHHH")
_SECTION = struct.Struct("<IIQQQQIIQQ")
_SYMBOL = struct.Struct("<IBBHQQ")
_RELA = struct.Struct("<QQq")


class UnsupportedObject(Exception):
    """Object code this loader does not link (the message says what); nothing was made executable."""


class _Section:
    def __init__(self, fields):
        (self.name_offset, self.type, self.flags, _addr, self.offset, self.size, self.link, self.info,
         self.align, _entsize) = fields
        self.name = ""
        self.address = None   # where it is mapped, for the sections that are


def _name(strtab, offset):
    return strtab[offset:strtab.index(b"\x00", offset)].decode()


def _sections(data):
    ident, etype, machine, _version, _entry, _phoff, shoff, _flags, _ehsize, _phentsize, _phnum, \
        shentsize, shnum, shstrndx = _ELF_HEADER.unpack_from(data)
    if ident[:4] != b"\x7fELF" or ident[4] != 2 or ident[5] != 1:
        raise UnsupportedObject("not a 64-bit little-endian ELF file")
    if etype != 1 or machine != 62:
        raise UnsupportedObject(f"not a relocatable x86-64 object (type {etype}, machine {machine})")
    if shentsize != _SECTION.size or shoff + shnum * shentsize > len(data):
        raise UnsupportedObject("malformed section table")
    sections = [_Section(_SECTION.unpack_from(data, shoff + i * shentsize)) for i in range(shnum)]
    names = data[sections[shstrndx].offset:sections[shstrndx].offset + sections[shstrndx].size]
    for s in sections:
        s.name = _name(names, s.name_offset)
    return sections


def _loaded(section):
    return (section.flags & SHF_ALLOC and section.size and section.type != SHT_X86_64_UNWIND
            and section.type in (SHT_PROGBITS, SHT_NOBITS))


def _protection(section):
    if section.flags & SHF_EXECINSTR:
        return PROT_READ | PROT_EXEC
    return PROT_READ | PROT_WRITE if section.flags & SHF_WRITE else PROT_READ


def _layout(sections):
    """Offsets of the loaded sections in one mapping, grouped by protection, each group page-aligned.
    Returns ([(start, end, protection)], total size)."""
    at, groups = 0, []
    for protection in (PROT_READ | PROT_EXEC, PROT_READ, PROT_READ | PROT_WRITE):
        members = [s for s in sections if _loaded(s) and _protection(s) == protection]
        if not members:
            continue
        start = at
        for s in members:
            align = max(s.align, 1)
            at = (at + align - 1) // align * align
            s.address = at   # an offset until the mapping exists
            at += s.size
        at = (at + PAGE - 1) // PAGE * PAGE
        groups.append((start, at, protection))
    return groups, at


def _resolve_external(name, bindings):
    if name in bindings:
        return bindings[name]
    try:
        return _ctypes.dlsym(ctypes.pythonapi._handle, name)
    except OSError:
        raise UnsupportedObject(f"undefined symbol {name}") from None


def load(object_code, names, bindings, label=""):
    """Map `object_code` and return {name: address} for the defined symbols `names`. `bindings`:
    {name: address} for its undefined `hw_*` symbols. `label`: what it was compiled from (the
    perf map's names)."""
    try:
        return _load(bytes(object_code), names, bindings, label)
    except (struct.error, IndexError, ValueError, UnicodeDecodeError) as e:   # a malformed file
        raise UnsupportedObject(f"malformed object code ({type(e).__name__}: {e})") from None


def _load(data, names, bindings, label):
    sections = _sections(data)
    symtabs = [s for s in sections if s.type == SHT_SYMTAB]
    if len(symtabs) != 1:
        raise UnsupportedObject("no single symbol table")
    symtab = symtabs[0]
    strtab = data[sections[symtab.link].offset:sections[symtab.link].offset + sections[symtab.link].size]
    groups, size = _layout(sections)
    if size == 0:
        raise UnsupportedObject("nothing to load")
    base = _mmap(None, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
    if base is None or base == MAP_FAILED:
        raise MemoryError(f"mmap of {size} bytes for machine code failed (errno {ctypes.get_errno()})")
    try:
        return _link(data, sections, symtab, strtab, names, bindings, base, groups, size, label)
    except BaseException:
        _munmap(base, size)
        raise


def _link(data, sections, symtab, strtab, names, bindings, base, groups, size, label):
    for s in sections:
        if s.address is not None:
            s.address += base
    image = bytearray(size)
    for s in sections:
        if s.address is not None and s.type == SHT_PROGBITS:
            image[s.address - base:s.address - base + s.size] = data[s.offset:s.offset + s.size]

    symbols = []   # (name, address) by symbol index
    functions = []   # (address, size, name) of the functions it defines
    for i in range(symtab.size // _SYMBOL.size):
        name_offset, info, _other, shndx, value, symbol_size = _SYMBOL.unpack_from(
            data, symtab.offset + i * _SYMBOL.size)
        name = _name(strtab, name_offset)
        if shndx == SHN_UNDEF:
            symbols.append((name, _resolve_external(name, bindings) if i else 0))
        elif shndx == SHN_ABS:
            symbols.append((name, value))
        elif shndx == SHN_COMMON or shndx >= len(sections):
            raise UnsupportedObject(f"symbol {name!r} in section {shndx:#x}")
        else:
            target = sections[shndx]
            symbols.append((name, None if target.address is None else target.address + value))
            if info & 0xF == STT_FUNC and symbol_size and target.address is not None:
                functions.append((target.address + value, symbol_size, name))

    for rela in sections:
        if rela.type != SHT_RELA or sections[rela.info].address is None:
            continue   # relocations of a section that is not loaded (.eh_frame)
        target = sections[rela.info]
        for at in range(rela.offset, rela.offset + rela.size, _RELA.size):
            offset, info, addend = _RELA.unpack_from(data, at)
            kind, index = info & 0xFFFFFFFF, info >> 32
            name, value = symbols[index]
            if value is None:
                raise UnsupportedObject(f"relocation against {name!r} in a section that is not loaded")
            place = target.address + offset
            where = place - base
            if kind == R_X86_64_64:
                struct.pack_into("<Q", image, where, (value + addend) % (1 << 64))
            elif kind == R_X86_64_PC64:
                struct.pack_into("<Q", image, where, (value + addend - place) % (1 << 64))
            elif kind in (R_X86_64_PC32, R_X86_64_PLT32):
                relative = value + addend - place
                if not -(1 << 31) <= relative < (1 << 31):
                    raise UnsupportedObject(f"32-bit relocation to {name!r} out of range")
                struct.pack_into("<i", image, where, relative)
            else:
                raise UnsupportedObject(f"relocation type {kind} in section {target.name}")

    found = {}
    by_name = dict(symbols)
    for name in names:
        if by_name.get(name) is None:
            raise UnsupportedObject(f"{name!r} is not defined by the object code")
        found[name] = by_name[name]
    ctypes.memmove(base, (ctypes.c_char * size).from_buffer(image), size)
    for start, end, protection in groups:
        if _mprotect(base + start, end - start, protection) != 0:
            raise OSError(ctypes.get_errno(), "mprotect of machine code failed")
    if os.environ.get("HOTWIRE_PERF_MAP", "0") not in ("", "0"):
        _write_perf_map(functions, label)
    return found


def _write_perf_map(functions, label):
    suffix = f" [{label}]" if label else ""
    try:
        with open(f"/tmp/perf-{os.getpid()}.map", "a") as f:
            f.writelines(f"{address:x} {size:x} {name}{suffix}\n" for address, size, name in functions)
    except OSError:   # a profiling aid: never the program's problem
        pass
