"""The one place that decides whether this interpreter can run hotwire.

hotwire depends on CPython 3.12's frame and object layouts and on the 3.12 interpreter honouring a
function's vectorcall for Python-to-Python calls (3.11 inlines those calls and ignores it). Anything else
is refused here, once, with one sentence, instead of failing somewhere deep in the compiler.
"""
import sys

SUPPORTED = (3, 12)


def unsupported_reason():
    """Why this interpreter cannot run hotwire, or None when it can."""
    if sys.implementation.name != "cpython":
        return f"hotwire needs CPython 3.12; this is {sys.implementation.name}."
    if sys.version_info[:2] != SUPPORTED:
        found = ".".join(map(str, sys.version_info[:3]))
        return (f"hotwire needs CPython 3.12 (found {found}); on 3.11 and older the interpreter "
                f"ignores a function's vectorcall, so compiled code could never run.")
    if sys.maxsize != 2**63 - 1:
        return "hotwire needs a 64-bit CPython."
    return None


def require_supported():
    reason = unsupported_reason()
    if reason is not None:
        sys.stderr.write(f"hotwire: {reason}\n")
        raise SystemExit(2)
