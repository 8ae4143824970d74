"""The one LLVM JIT engine of the process: loads llvmlite lazily, optimises and compiles modules.

LLVM is imported only when the first function gets hot, so a short script pays nothing for it.
Every module is verified (`module.verify()`) before it is optimised; HOTWIRE_DUMP_LLVM=1 and
HOTWIRE_DUMP_ASM=1 print the LLVM IR and the machine code of each compiled function.
"""
import os
import sys
import threading

from hotwire.backend import capi

_lock = threading.Lock()
_engine = None
_target_machine = None


def _llvm():
    import llvmlite.binding as llvm
    return llvm


def _get_engine():
    global _engine, _target_machine
    if _engine is None:
        llvm = _llvm()
        llvm.initialize_native_target()
        llvm.initialize_native_asmprinter()
        target = llvm.Target.from_default_triple()
        _target_machine = target.create_target_machine(opt=3, codemodel="default", jit=True)
        backing = llvm.parse_assembly("")
        _engine = llvm.create_mcjit_compiler(backing, _target_machine)
        for name in capi.SIGNATURES:
            llvm.add_symbol(name, capi.address(name))
    return _engine


def _optimise(module):
    llvm = _llvm()
    pto = llvm.create_pipeline_tuning_options(speed_level=2)
    pb = llvm.create_pass_builder(_target_machine, pto)
    pm = pb.getModulePassManager()
    pm.run(module, pb)


def compile_module(ir_module, symbol_names):
    """Compile an llvmlite.ir.Module; return {symbol: address} for the requested functions."""
    llvm = _llvm()
    with _lock:
        engine = _get_engine()
        text = str(ir_module)
        if os.environ.get("HOTWIRE_DUMP_LLVM"):
            sys.stderr.write(text + "\n")
        mod = llvm.parse_assembly(text)
        mod.verify()
        mod.triple = _target_machine.triple
        mod.data_layout = str(_target_machine.target_data)
        _optimise(mod)
        if os.environ.get("HOTWIRE_DUMP_LLVM_OPT"):
            sys.stderr.write(str(mod) + "\n")
        if os.environ.get("HOTWIRE_DUMP_ASM"):
            sys.stderr.write(_target_machine.emit_assembly(mod) + "\n")
        engine.add_module(mod)
        engine.finalize_object()
        return {name: engine.get_function_address(name) for name in symbol_names}
