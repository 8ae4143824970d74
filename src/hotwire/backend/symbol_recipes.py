"""Recipes: how a process finds, for itself, an address that compiled code uses (backend/link_symbols.py).

Kept apart from link_symbols so that linking machine code from the code cache (runtime/code_cache.py)
needs neither LLVM nor the compiler.

Recipes (tuples, JSON-serialisable):
  ("code",)                       the code object being compiled
  ("const", i, j...)              co_consts[i][j]...;  ("name", i) co_names[i];  ("varname", i) co_varnames[i]
  ("known", key)                  one of KNOWN: None, True, int, str, range_iterator...
  ("small_int", v)                the shared int -5 <= v <= 256
  ("interp", offset)              this interpreter's PyInterpreterState + offset
  ("buffer", role, ...)           a ctypes object the unit owns (counters, tables, text): made anew
  ("global_code", name, digest)   the code of the function the namespace's global `name` holds, whose
                                  marshalled code has that sha256 (a callee whose clone is inlined)
  ("attr_cache", offset, field, kind, index)
                                  what the inline cache of the attribute access at `offset` holds in
                                  this process: "descr", the method's address, or a cell holding its
                                  "type_version" or "keys_version" (frontend/attr_feedback.py), provided
                                  the access is still specialised as `kind` with that `index`
"""
import builtins
import ctypes
import gc
import itertools
import marshal
import types


def _stop_iteration():
    try:
        next(iter(()))
    except BaseException as e:   # the interpreter's own class, whatever builtins.StopIteration is now
        return type(e)


def _builtin_function(name):
    """The builtins module's own function `name`, or None if the program replaced it before hotwire
    was imported (a builtin method whose `__self__` is the builtins module cannot be made in Python)."""
    f = builtins.__dict__.get(name)
    own = type(f) is type(len) and getattr(f, "__self__", None) is builtins and f.__name__ == name
    return f if own else None


def _c_type(t, name):
    """`t` if it is a type written in C named `name`, else None: its `__new__` is a builtin bound to
    the type itself, which a class made in Python cannot have."""
    new = vars(t).get("__new__") if type(t) is type else None
    own = type(new) is type(len) and getattr(new, "__self__", None) is t and t.__name__ == name
    return t if own else None


# Objects found without looking a name up: a program may have rebound `builtins.str` by the time this
# runs, and a recipe that followed the name would then bind compiled code to the impostor.
KNOWN = {"None": None, "True": True, "False": False, "Ellipsis": ..., "NotImplemented": NotImplemented,
         "empty_str": "", "int": type(0), "float": type(0.0), "str": type(""), "bool": type(True),
         "list": type([]), "tuple": type(()), "dict": type({}), "bytes": type(b""),
         "StopIteration": _stop_iteration(),
         "AssertionError": ctypes.py_object.in_dll(ctypes.pythonapi, "PyExc_AssertionError").value,
         "range_iterator": type(iter(range(0))), "list_iterator": type(iter([])),
         "function": types.FunctionType, "gc.collect": gc.collect}
KNOWN.update((key, value) for key, value in (("sum", _builtin_function("sum")), ("len", _builtin_function("len")),
                                             ("itertools.repeat", _c_type(itertools.repeat, "repeat")))
             if value is not None)


_interpreter_state = ctypes.pythonapi.PyInterpreterState_Get
_interpreter_state.restype = ctypes.c_void_p


def interpreter_state():
    """This interpreter's PyInterpreterState address: code objects, hence compiled units, belong to
    one interpreter, so compiled code may embed the addresses of its fields."""
    return _interpreter_state()


def code_digest(code):
    from hotwire.runtime.code_cache import sha256
    return sha256(marshal.dumps(code)).hexdigest()


def recipe_of(code, obj):
    """The recipe of `obj` for code compiled from `code`, or None when another process could not find it."""
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


def resolve(recipe, code, namespace, interp, buffers, attr_feedback):
    """The address a recipe names in this process, or None when it names nothing here. `buffers`
    makes the unit-owned ctypes objects (runtime/code_cache.py); `attr_feedback(offset)` is the
    AttrFeedback of `code`'s access at `offset`, from one snapshot for the whole unit."""
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
    if kind == "attr_cache":
        return _attr_cache(attr_feedback, buffers, *args)
    return None


def _attr_cache(attr_feedback, buffers, offset, field, kind, index):
    """Type version tags, shared-keys versions and the addresses of methods are this process's: the
    compiled checks compare with what tier 0 of *this* process found for the same instruction (which
    the cache key saw quickened the same way), and only if that is still the layout (`kind`, `index`)
    the machine code was compiled for. A zero version is never bound: it would match a type whose tag
    was invalidated."""
    found = attr_feedback(offset)
    if found is None or found.kind != kind or found.index != index:
        return None
    if field == "descr":
        return found.descr or None
    value = getattr(found, field) if field in ("type_version", "keys_version") else 0
    return buffers(("u32", value)) if value else None
