"""The pipeline, top to bottom: bytecode -> IR -> passes -> LLVM -> machine code.

`compile_code` is the only function that runs every stage; everything it produces for one code object
is a CompiledUnit, which the runtime installs on function objects (runtime/install.py).
"""
import os
import sys
import time

from hotwire.backend.engine import compile_module
from hotwire.compiled_unit import CompiledUnit
from hotwire.backend.lower import Lowering
from hotwire.frontend.py312 import Builder, NotCompilable
from hotwire.ir.printer import format_function
from hotwire.ir.verifier import verify
from hotwire.passes.manager import run_passes


def compile_code(code, qualname=None, arg_types=None, namespace=None, own_tool_mask=0, line_entries=False):
    """Compile one code object. `namespace`: the (globals, builtins) of the function that became hot,
    which the passes may consult (the code still runs in any namespace, behind the same checks).
    `line_entries`: the unit can also be entered at its line starts (runtime/module_entry.py).
    Raises NotCompilable with the reason when it stays interpreted."""
    start = time.perf_counter()
    irfn = Builder(code, qualname, line_entries=line_entries).build()
    verify(irfn, "after build")
    namespaces = {} if namespace is None else {"globals": namespace[0], "builtins": namespace[1]}
    run_passes(irfn, {"arg_types": arg_types or {}, **namespaces})
    ir_text = format_function(irfn)
    if os.environ.get("HOTWIRE_DUMP_IR"):
        sys.stderr.write(ir_text)
    lowering = Lowering(irfn, "hotwire_" + code.co_name, own_tool_mask=own_tool_mask)
    module, name, osr_name = lowering.lower()
    names = [name] if osr_name is None else [name, osr_name]
    symbols = lowering.symbols.entries
    addresses, object_code = compile_module(module, names, speed_level=2 if lowering.has_loops else 1,
                                            bindings=[(n, address) for n, address, _ in symbols],
                                            label=qualname or code.co_name)
    return CompiledUnit(addresses[name], object_code, lowering.keepalive, ir_text, list(irfn.notes),
                        time.perf_counter() - start, lowering.global_names, lowering.namespace_table,
                        lowering.deopt_counters, addresses.get(osr_name, 0),
                        tuple(lowering.osr_headers), lowering.osr_entries, lowering.osr_deopts,
                        symbols, lowering.symbols.uncacheable, tuple(names))


__all__ = ["compile_code", "CompiledUnit", "NotCompilable"]
