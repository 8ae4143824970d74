"""Which modules of CPython's regression suite (the `test` package) the conformance run covers."""
import difflib
import pkgutil

import test

# The modules named by the conformance issue (test_closures does not exist in 3.12: test_funcattrs
# and test_scope cover closures).
DEFAULT = (
    "test_grammar", "test_opcodes", "test_exceptions", "test_raise", "test_scope", "test_class",
    "test_descr", "test_int", "test_long", "test_float", "test_bool", "test_complex", "test_list",
    "test_tuple", "test_dict", "test_set", "test_string", "test_unicode", "test_fstring", "test_format",
    "test_slice", "test_augassign", "test_unpack", "test_unpack_ex", "test_keywordonlyarg",
    "test_positional_only_arg", "test_extcall", "test_with", "test_contextlib", "test_funcattrs",
    "test_dataclasses", "test_enum", "test_functools", "test_itertools", "test_collections",
    "test_operator", "test_math", "test_json", "test_re", "test_traceback", "test_inspect", "test_sys",
    "test_weakref", "test_generators", "test_coroutines",
)


class UnknownModule(Exception):
    """A module name that is not in this interpreter's `test` package."""


def available():
    """Every test module (or package) of the `test` package of the running interpreter."""
    return sorted(m.name for m in pkgutil.iter_modules(test.__path__) if m.name.startswith("test_"))


def check(names):
    """The names, or UnknownModule naming the first unknown one and the closest real ones."""
    known = available()
    for name in names:
        if name not in known:
            close = difflib.get_close_matches(name, known, n=3)
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            raise UnknownModule(f"{name!r} is not a module of CPython's test package ({test.__path__[0]}){hint}")
    return list(names)
