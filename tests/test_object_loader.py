"""backend/object_loader.py, hotwire's own linker for LLVM's object code: relocations of every kind
the lowering makes, symbols bound by the caller or found in the process, page protections, and
refusals (before anything is made executable) for what it does not link."""
import ctypes
import os

import pytest
from llvmlite import ir

from hotwire.backend import object_loader
from hotwire.backend.engine import emit_object
from hotwire.backend.link_symbols import external

I32, I64, F64, PTR = ir.IntType(32), ir.IntType(64), ir.DoubleType(), ir.PointerType()


def _module():
    """pick(k, x): a switch over k (a jump table in .rodata, relocated), float constants (.rodata.cst8),
    a bound symbol (a cell read through its address) and a C library call (strlen, found by dlsym)."""
    module = ir.Module("loader_test")
    strlen = ir.Function(module, ir.FunctionType(I64, [PTR]), "strlen")
    fn = ir.Function(module, ir.FunctionType(F64, [I32, F64, PTR]), "pick")
    k, x, text = fn.args
    b = ir.IRBuilder(fn.append_basic_block("entry"))
    cases = [fn.append_basic_block(f"case{i}") for i in range(6)]
    default = fn.append_basic_block("default")
    switch = b.switch(k, default)
    for i, blk in enumerate(cases):
        switch.add_case(ir.Constant(I32, i), blk)
    constants = [1.25, 2.5, -3.75, 1e100, 0.1, 7.0]
    for value, blk in zip(constants, cases):
        b.position_at_end(blk)
        b.ret(b.fmul(x, ir.Constant(F64, value)))
    b.position_at_end(default)
    cell = b.load(external(module, "hw_test_cell"), typ=I64)
    length = b.call(strlen, [text])
    b.ret(b.sitofp(b.add(cell, length), F64))
    return module, constants


def test_links_relocations_symbols_and_library_calls():
    module, constants = _module()
    cell = ctypes.c_int64(1000)
    addresses = object_loader.load(emit_object(module), ["pick"], {"hw_test_cell": ctypes.addressof(cell)})
    pick = ctypes.CFUNCTYPE(ctypes.c_double, ctypes.c_int32, ctypes.c_double, ctypes.c_char_p)(addresses["pick"])
    assert [pick(i, 2.0, b"") for i in range(6)] == [2.0 * c for c in constants]
    assert pick(99, 0.0, b"hello") == 1005.0
    cell.value = -5
    assert pick(-1, 0.0, b"abc") == -2.0


def test_code_is_executable_and_not_writable():
    module, _ = _module()
    cell = ctypes.c_int64(0)
    address = object_loader.load(emit_object(module), ["pick"], {"hw_test_cell": ctypes.addressof(cell)})["pick"]
    with open("/proc/self/maps") as f:
        for line in f:
            span, perms = line.split()[:2]
            low, high = (int(part, 16) for part in span.split("-"))
            if low <= address < high:
                assert perms.startswith("r-x")
                return
    pytest.fail("the code's address is in no mapping")


def test_an_unbound_symbol_is_refused():
    module, _ = _module()
    with pytest.raises(object_loader.UnsupportedObject, match="undefined symbol hw_test_cell"):
        object_loader.load(emit_object(module), ["pick"], {})


def test_a_missing_definition_is_refused():
    module, _ = _module()
    cell = ctypes.c_int64(0)
    with pytest.raises(object_loader.UnsupportedObject, match="'nowhere' is not defined"):
        object_loader.load(emit_object(module), ["nowhere"], {"hw_test_cell": ctypes.addressof(cell)})


@pytest.mark.parametrize("data", [b"", b"not an object file" * 4, b"\x7fELF\x01\x01" + bytes(58)])
def test_what_is_not_x86_64_object_code_is_refused(data):
    with pytest.raises(object_loader.UnsupportedObject):
        object_loader.load(data, ["pick"], {})


def test_perf_map_names_the_linked_functions(monkeypatch):
    """HOTWIRE_PERF_MAP=1: each linked function is a line of /tmp/perf-<pid>.map (start, size, name,
    label), the file `perf report` reads for JIT code."""
    path = f"/tmp/perf-{os.getpid()}.map"
    existed = os.path.exists(path)
    monkeypatch.setenv("HOTWIRE_PERF_MAP", "1")
    module, _ = _module()
    cell = ctypes.c_int64(0)
    address = object_loader.load(emit_object(module), ["pick"], {"hw_test_cell": ctypes.addressof(cell)},
                                 "loader_test.pick")["pick"]
    try:
        with open(path) as f:
            lines = [line.split(" ", 2) for line in f.read().splitlines()]
    finally:
        if not existed:
            os.unlink(path)
    start, size, name = lines[-1]
    assert int(start, 16) == address and int(size, 16) > 0 and name == "pick [loader_test.pick]"
