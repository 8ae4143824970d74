"""Every process-specific address compiled code uses is an external symbol, bound when the code is loaded.

Machine code with addresses as immediates could only ever run in the process that compiled it. Here each
address (an object, the code object's instructions, a counter, a field of the interpreter state) is a
symbol `hw_<token>_<n>`, declared external in the LLVM module and bound by `llvm.add_symbol` before the
object code is linked into the JIT (a 64-bit absolute relocation: the JIT's large code model). Every
symbol carries a *recipe*: how any process can compute the same address for itself. So the object code
LLVM produced is reused by later runs (runtime/code_cache.py): they bind the same names to the addresses
their recipes give. A symbol without a recipe (say, a method an attribute cache found) works in this
process and makes the unit uncacheable; `uncacheable` says why.

Recipes (tuples, JSON-serialisable):
  ("code",)                       the code object being compiled
  ("const", i, j...)              co_consts[i][j]...;  ("name", i) co_names[i];  ("varname", i) co_varnames[i]
  ("known", key)                  one of KNOWN: None, True, int, str, range_iterator...
  ("small_int", v)                the shared int -5 <= v <= 256
  ("interp", offset)              this interpreter's PyInterpreterState + offset
  ("buffer", role, ...)           a ctypes object the unit owns (counters, tables, text): made anew
  ("global_code", name, digest)   the code of the function the namespace's global `name` holds, whose
                                  marshalled code has that sha256 (a callee whose clone is inlined)
"""
import gc
import hashlib
import marshal
import types

from llvmlite import ir

def _stop_iteration():
    try:
        next(iter(()))
    except BaseException as e:   # the interpreter's own class, whatever builtins.StopIteration is now
        return type(e)


# Objects found without looking a name up: a program may have rebound `builtins.str` by the time this
# runs, and a recipe that followed the name would then bind compiled code to the impostor.
KNOWN = {"None": None, "True": True, "False": False, "Ellipsis": ..., "NotImplemented": NotImplemented,
         "empty_str": "", "int": type(0), "float": type(0.0), "str": type(""), "bool": type(True),
         "list": type([]), "tuple": type(()), "dict": type({}), "StopIteration": _stop_iteration(),
         "range_iterator": type(iter(range(0))), "list_iterator": type(iter([])),
         "function": types.FunctionType, "gc.collect": gc.collect}


def code_digest(code):
    return hashlib.sha256(marshal.dumps(code)).hexdigest()


class Symbols:
    """The symbols of one compiled unit: (name, address, recipe) in order of first use."""

    def __init__(self, module, code, token):
        self.module = module
        self.code = code
        self.prefix = "hw_%s_" % token
        self.entries = []
        self._by_address = {}
        self.uncacheable = None   # why this unit's machine code must not be reused, or None

    def address(self, address, recipe):
        """A constant pointer to `address` (a GlobalVariable bound to it at link time)."""
        key = (address, tuple(recipe) if recipe is not None else None)
        glob = self._by_address.get(key)
        if glob is None:
            name = self.prefix + str(len(self.entries))
            glob = ir.GlobalVariable(self.module, ir.IntType(8), name)
            glob.type = ir.PointerType()   # an opaque pointer, like every pointer of the lowering
            glob.linkage = "external"
            self.entries.append((name, address, recipe))
            self._by_address[key] = glob
        return glob

    @staticmethod
    def offset(glob, offset):
        """The constant pointer `offset` bytes past a symbol's address."""
        return ir.FormattedConstant(ir.PointerType(), f'getelementptr (i8, ptr {glob.get_reference()}, '
                                                      f'i64 {offset})')

    def not_cacheable(self, reason):
        if self.uncacheable is None:
            self.uncacheable = reason

    def of_object(self, obj):
        recipe = self.recipe_of(obj)
        if recipe is None:
            self.not_cacheable(f"it refers to a {type(obj).__name__} object that another process "
                               f"cannot find by name")
        return self.address(id(obj), recipe)

    def recipe_of(self, obj):
        code = self.code
        if obj is code:
            return ("code",)
        path = _find_const(code.co_consts, obj)
        if path is not None:
            return ("const",) + path
        for kind, names in (("name", code.co_names), ("varname", code.co_varnames)):
            for i, name in enumerate(names):
                if name is obj:
                    return (kind, i)
        for key, value in KNOWN.items():
            if value is obj:
                return ("known", key)
        if type(obj) is int and -5 <= obj <= 256:
            return ("small_int", obj)
        return None


def _find_const(consts, obj, prefix=()):
    for i, c in enumerate(consts):
        if c is obj:
            return prefix + (i,)
        if type(c) is tuple:
            found = _find_const(c, obj, prefix + (i,))
            if found is not None:
                return found
    return None


def resolve(recipe, code, namespace, interp, buffers):
    """The address a recipe names in this process, or None when it names nothing here. `buffers`
    makes the unit-owned ctypes objects (runtime/code_cache.py)."""
    kind, *args = recipe
    if kind == "code":
        return id(code)
    if kind == "const":
        value = code.co_consts
        for i in args:
            if type(value) is not tuple or not 0 <= i < len(value):
                return None
            value = value[i]
        return id(value)
    if kind in ("name", "varname"):
        names = code.co_names if kind == "name" else code.co_varnames
        return id(names[args[0]]) if 0 <= args[0] < len(names) else None
    if kind == "known":
        return id(KNOWN[args[0]]) if args[0] in KNOWN else None
    if kind == "small_int":
        return id(args[0]) if type(args[0]) is int and -5 <= args[0] <= 256 else None
    if kind == "interp":
        return interp + args[0]
    if kind == "buffer":
        return buffers(args)
    if kind == "global_code":
        name, digest = args
        func = namespace.get(name) if namespace is not None else None
        callee = getattr(func, "__code__", None)
        return buffers(("alive_cell", callee)) if callee is not None and code_digest(callee) == digest else None
    return None
