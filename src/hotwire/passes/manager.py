"""The ordered list of passes. Each pass is a module with `run(fn, ctx) -> changed`.

HOTWIRE_PASSES=-name,-name disables passes by name (for bisecting a miscompile, docs/debugging-a-miscompile.md);
HOTWIRE_DUMP_BEFORE=<name> / HOTWIRE_DUMP_AFTER=<name> print the IR around a pass ("all" for every
pass). In tests and with HOTWIRE_VERIFY=1 the verifier runs after every pass.
"""
import os
import sys

from hotwire.ir.printer import format_function
from hotwire.ir.verifier import verify
from hotwire.passes import (borrow_locals, call_pure_functions, forward_locals, specialise_len,
                            specialise_strings, specialise_sum, specialise_types)

# Order matters: calls of clonable functions and len() first (their unboxed results are then used
# unboxed), then types (it creates the guards and unboxed values), then str() and %-formatting (of
# what is left generic), then sum(), then borrowing, which turns the locals that are only
# inspected by guards and unboxing into borrowed references, then forwarding, which drops the guards
# and unboxing of borrowed float locals whose value this block already has.
PIPELINE = [
    ("call_pure_functions", call_pure_functions.run),
    ("specialise_len", specialise_len.run),
    ("specialise_types", specialise_types.run),
    ("specialise_strings", specialise_strings.run),
    ("specialise_sum", specialise_sum.run),
    ("borrow_locals", borrow_locals.run),
    ("forward_locals", forward_locals.run),
]


def disabled_passes():
    """Names switched off by HOTWIRE_PASSES; `pure_clone` (backend/pure_clone.py) and `attr_caches`
    (backend/lower_attr_caches.py), which the lowering does, can be switched off too."""
    spec = os.environ.get("HOTWIRE_PASSES", "")
    return {p[1:] for p in spec.split(",") if p.startswith("-")}


def _wants(var, name):
    v = os.environ.get(var, "")
    return v == "all" or name in v.split(",")


def run_passes(fn, ctx):
    disabled = disabled_passes()
    always_verify = bool(os.environ.get("HOTWIRE_VERIFY"))
    for name, run in PIPELINE:
        if name in disabled:
            continue
        if _wants("HOTWIRE_DUMP_BEFORE", name):
            sys.stderr.write(f"--- before {name}\n{format_function(fn)}")
        run(fn, ctx)
        if _wants("HOTWIRE_DUMP_AFTER", name):
            sys.stderr.write(f"--- after {name}\n{format_function(fn)}")
        if always_verify:
            verify(fn, f"after {name}")
