"""LLVM, loaded lazily: optimise a module and make its object code, which backend/object_loader.py
links into this process with its external symbols bound to this process's addresses
(backend/link_symbols.py). The object code of a unit is what the code cache stores
(runtime/code_cache.py), and a cache hit is linked by the same loader without LLVM. A module's IR is
freed once its object code exists.

LLVM is loaded by the first compile, on the background worker, or by api.load_compiler() before anything
compiles in line (see there for why not later). `_lock` is held during all LLVM work (the target
machines are shared).
Every module is verified (`module.verify()`) before it is optimised; HOTWIRE_DUMP_LLVM=1 and
HOTWIRE_DUMP_ASM=1 print the LLVM IR and the machine code of each compiled function.
"""
import ctypes
import os
import sys
import threading

from hotwire.backend import object_loader

_lock = threading.Lock()
_target_machines = {}   # codegen level -> TargetMachine

# Above this many lines of LLVM IR, instruction selection and register allocation at -O2 take seconds
# (measured: 2.9 s for re._parser._parse, 18k lines); FastISel (-O0) takes 0.1 s. Big functions are
# mostly cold paths, so they get the fast code generator. Code with loops is where the time goes, so it
# keeps -O2 up to a larger size: at one limit for both, nbody's advance() (4,050 lines) ran 2x slower.
BIG_FUNCTION_LINES = 4000
BIG_LOOP_FUNCTION_LINES = 12000


def _llvm():
    import llvmlite.binding as llvm
    return llvm


def load_llvm():
    """Import llvmlite's binding and make the default target machine."""
    _target_machine()


def _target_machine(codegen_level=2):
    tm = _target_machines.get(codegen_level)
    if tm is None:
        llvm = _llvm()
        if not _target_machines:
            llvm.initialize_native_target()
            llvm.initialize_native_asmprinter()
        target = llvm.Target.from_default_triple()
        tm = target.create_target_machine(opt=codegen_level, codemodel="large", jit=True)
        keep_forever(tm)
        _target_machines[codegen_level] = tm
    return tm


def keep_forever(obj):
    """Machine code must outlive every function object that may still call it, including calls made
    while the interpreter shuts down (atexit handlers, __del__ methods, module teardown), and so must
    the objects it reads (ctypes buffers, callbacks). An extra reference that is never released keeps
    them alive."""
    ctypes.pythonapi.Py_IncRef(ctypes.py_object(obj))


def _optimise(module, speed_level, tm):
    llvm = _llvm()
    pto = llvm.create_pipeline_tuning_options(speed_level=speed_level)
    pb = llvm.create_pass_builder(tm, pto)
    pm = pb.getModulePassManager()
    pm.run(module, pb)


def compile_module(ir_module, symbol_names, speed_level=2, bindings=(), label=""):
    """Compile an llvmlite.ir.Module and link it; return ({symbol: address} for the requested
    functions, the object code). speed_level 2 for code with loops (where time goes), 1 for
    straight-line code (compiles faster). `bindings`: (name, address) of the module's external
    symbols (backend/link_symbols.py); `label`: what it was compiled from (object_loader's perf map)."""
    object_code = emit_object(ir_module, speed_level)
    return object_loader.load(object_code, symbol_names, dict(bindings), label), object_code


def emit_object(ir_module, speed_level=2):
    """The object code of an llvmlite.ir.Module, optimised (see compile_module)."""
    llvm = _llvm()
    with _lock:
        text = str(ir_module)
        big = text.count("\n") > (BIG_LOOP_FUNCTION_LINES if speed_level == 2 else BIG_FUNCTION_LINES)
        codegen_level = 0 if big else 2
        speed_level = 0 if big else speed_level
        tm = _target_machine(codegen_level)
        if os.environ.get("HOTWIRE_DUMP_LLVM"):
            sys.stderr.write(text + "\n")
        mod = llvm.parse_assembly(text)
        mod.verify()
        mod.triple = tm.triple
        mod.data_layout = str(tm.target_data)
        _optimise(mod, speed_level, tm)
        if os.environ.get("HOTWIRE_DUMP_LLVM_OPT"):
            sys.stderr.write(str(mod) + "\n")
        if os.environ.get("HOTWIRE_DUMP_ASM"):
            sys.stderr.write(tm.emit_assembly(mod) + "\n")
        object_code = tm.emit_object(mod)
        mod.close()   # the machine code is all that is kept; its IR goes now
        return object_code
