"""Differential fuzzing of whole programs (strategies in tests/genprograms.py) against CPython.

Each example is a generated program: classes with properties and dunder operators, closures,
exceptions raised and caught, containers, string operations and formatting, loops and comprehensions.
Its source is written twice, to <tmp>/plain/prog.py and <tmp>/jit/prog.py, and each copy is executed
into a fresh module namespace in this process. The JIT runs with threshold 0, restricted by
HOTWIRE_ONLY to the jit directory, so every function of the jitted copy is compiled at its first call
(which itself runs in the interpreter) and nothing else is. `main()` then runs three times per copy;
what it prints, and the traceback of any exception that escapes it, must be the same for both copies
once the directory names are replaced by `<dir>`. At least one function of the jitted copy must really
run compiled code.

Running in one process (instead of two processes per example) costs only compilation: about a second
per example here, against two more seconds for starting processes and loading LLVM.

Environment (as for tests/test_generated_functions.py):
  HOTWIRE_FUZZ_EXAMPLES         number of examples (default 20: the short derandomized run in CI)
  HOTWIRE_HYPOTHESIS_PROFILE    "ci" (default): derandomized; "dev": random, failures saved
A failure shows the program; save it as tests/corpus/fuzz_<what>.py (it is a complete program that
calls main() three times when run as __main__) so the differential corpus keeps it.
"""
import contextlib
import io
import os
import traceback

import pytest
from hypothesis import HealthCheck, given, note, settings

import hotwire
from hotwire.runtime import hotness

try:
    from . import genprograms
except ImportError:  # tests/ is not a package: pytest puts it on sys.path
    import genprograms

EXAMPLES = int(os.environ.get("HOTWIRE_FUZZ_EXAMPLES", "20"))
_COMMON = dict(max_examples=EXAMPLES, deadline=None,
               suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                      HealthCheck.function_scoped_fixture])
settings.register_profile("hotwire-fuzz-ci", derandomize=True, database=None, print_blob=False, **_COMMON)
settings.register_profile("hotwire-fuzz-dev", **_COMMON)
PROFILE = settings.get_profile("hotwire-fuzz-" + os.environ.get("HOTWIRE_HYPOTHESIS_PROFILE", "ci"))
ROUNDS = 3


@pytest.fixture(scope="module")
def dirs(tmp_path_factory):
    """The two directories of the copies; the JIT compiles everything under `jit` at its first call."""
    root = tmp_path_factory.mktemp("fuzz")
    plain, jit = root / "plain", root / "jit"
    plain.mkdir()
    jit.mkdir()
    saved = {k: os.environ.get(k) for k in ("HOTWIRE_ONLY", "HOTWIRE_SYNC")}
    os.environ["HOTWIRE_ONLY"] = str(jit)
    os.environ["HOTWIRE_SYNC"] = "1"   # compiled at the first call itself, not later by the background thread
    hotwire.enable(threshold=0)
    yield plain, jit
    hotwire.disable()
    for k, v in saved.items():
        if v is None:
            del os.environ[k]
        else:
            os.environ[k] = v


def run_copy(source, directory):
    """Execute one copy and call its main() ROUNDS times: (printed text, its namespace)."""
    path = directory / "prog.py"
    path.write_text(source)
    namespace = {"__name__": "fuzzprog", "__file__": str(path)}
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        try:
            exec(compile(source, str(path), "exec"), namespace)
            for _ in range(ROUNDS):
                namespace["main"]()
        except Exception as exc:  # noqa: BLE001 - what escapes is part of the outcome
            out.write("".join(traceback.format_exception(exc)[1:]))
    return out.getvalue().replace(str(directory), "<dir>"), namespace


def compiled_functions(namespace):
    """The names of the program's functions and methods whose calls run compiled code."""
    found = []
    for name, value in namespace.items():
        members = vars(value).items() if isinstance(value, type) else [(None, value)]
        for member, obj in members:
            func = getattr(obj, "fget", getattr(obj, "__func__", obj))
            if callable(func) and hasattr(func, "__code__") and hotwire.is_compiled(func):
                found.append(f"{name}.{member}" if member else name)
    return found


@PROFILE
@given(genprograms.programs())
def test_program_matches_cpython(dirs, program):
    note(f"generated program:\n{program.source}")
    plain_dir, jit_dir = dirs
    assert hotness.is_active()
    expected, _ = run_copy(program.source, plain_dir)
    actual, namespace = run_copy(program.source, jit_dir)
    assert actual == expected, (
        "hotwire's output differs from CPython's; save the program as tests/corpus/fuzz_<what>.py\n"
        + _first_difference(expected, actual))
    assert compiled_functions(namespace), "no function of the jitted copy was compiled"


def _first_difference(expected, actual):
    exp, act = expected.splitlines(), actual.splitlines()
    for i, (e, a) in enumerate(zip(exp, act)):
        if e != a:
            return f"line {i + 1}:\n  CPython: {e!r}\n  hotwire: {a!r}"
    return f"CPython printed {len(exp)} lines, hotwire {len(act)}"
