"""Differential testing of the JIT on random functions (strategies in tests/genfuncs.py).

Each example is the source of one function `f` plus a few argument tuples. The source is compiled
once and executed into two fresh namespaces: one copy of `f` stays plain, the other goes through
`hotwire.jit` (compiled at its first call, with that call's argument types as type feedback). Both
copies are called with the same argument tuples in the same order (the tuples mix ints, floats and
bools, so guards fail and deoptimisation paths run), and every outcome must match: the return value
by type and repr, or the exception by type and message, plus the warnings raised by the call
(e.g. DeprecationWarning for `~` on a bool). Finally the jitted copy must really be compiled: every
generated construct is one the JIT must support. Nothing else gets compiled: while this module runs,
the hotness threshold is out of reach, and the plain copy's code object differs from the jitted one's.

Environment:
  HOTWIRE_HYPOTHESIS_EXAMPLES   number of examples (default 150)
  HOTWIRE_HYPOTHESIS_PROFILE    "ci" (default): derandomized, so every run tests the same examples;
                                "dev": random examples, failures saved in the example database.
On failure the report shows the generated `Program(source=..., calls=...)`, ready to paste into a
regression test.
"""
import os
import warnings

import pytest
from hypothesis import HealthCheck, given, note, settings

import hotwire

try:
    from . import genfuncs
except ImportError:  # tests/ is not a package: pytest puts it on sys.path
    import genfuncs

EXAMPLES = int(os.environ.get("HOTWIRE_HYPOTHESIS_EXAMPLES", "150"))
_COMMON = dict(max_examples=EXAMPLES, deadline=None,
               suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("hotwire-ci", derandomize=True, database=None, print_blob=False, **_COMMON)
settings.register_profile("hotwire-dev", **_COMMON)
PROFILE = settings.get_profile("hotwire-" + os.environ.get("HOTWIRE_HYPOTHESIS_PROFILE", "ci"))

FILENAME = "<hotwire-generated>"


def canonical(value):
    """A comparable picture of a result: type name and repr, recursively for tuples."""
    if type(value) is tuple:
        return ("tuple", tuple(canonical(v) for v in value))
    if type(value) is int and value.bit_length() > 10_000:
        return ("int", hex(value))  # repr() refuses ints of more than 4300 digits
    return (type(value).__name__, repr(value))


def outcome(func, args):
    """What calling func(*args) does: ('return', value) or ('raise', type, message), and warnings."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            result = ("return", canonical(func(*args)))
        except Exception as exc:  # noqa: BLE001 - any exception is an outcome to compare
            result = ("raise", type(exc).__name__, str(exc))
    # Only warnings issued by the generated code itself, not by the compiler running at the call.
    return result, [(w.category.__name__, str(w.message)) for w in caught if w.filename == FILENAME]


def make_copies(source):
    """Two copies of `f`, each from its own compilation and namespace; the second one jitted."""
    plain_ns, jit_ns = {}, {}
    # Code objects compare by value and hotwire keys its state on them: starting the plain copy
    # one line lower makes its code unequal to the jitted copy's, so it is never requested.
    exec(compile("\n" + source, FILENAME, "exec"), plain_ns)
    exec(compile(source, FILENAME, "exec"), jit_ns)
    return plain_ns["f"], hotwire.jit(jit_ns["f"])


@pytest.fixture(scope="module", autouse=True)
def jit_only_requested():
    """Compile only the functions passed to hotwire.jit (not hypothesis's, not the plain copies)."""
    hotwire.enable(threshold=2**62)
    yield
    hotwire.disable()


@PROFILE
@given(genfuncs.programs())
def test_jit_matches_cpython(program):
    note(f"generated source:\n{program.source}")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # e.g. constant-folding `~True` warns at compile time
        plain, jitted = make_copies(program.source)
    for i, args in enumerate(program.calls):
        expected = outcome(plain, args)
        actual = outcome(jitted, args)
        assert actual == expected, (
            f"call #{i} f{args!r} differs\n  CPython: {expected}\n  hotwire: {actual}\n{program.source}")
    assert not hotwire.is_compiled(plain), "the reference copy must run in the interpreter"
    if not hotwire.is_compiled(jitted):
        raise AssertionError(f"jitted function was not compiled: {hotwire.explain(jitted)}\n{program.source}")
