"""The IR's text form for a set of small functions, before and after the passes.

The expected text lives in tests/golden/<function>.ir. After an intended change of the IR, regenerate
with `HOTWIRE_BLESS=1 .venv/bin/python -m pytest tests/test_ir_golden.py` and review the diff.
"""
import os
import pathlib

import pytest

from hotwire.frontend.py312 import Builder, NotCompilable
from hotwire.ir.printer import format_function
from hotwire.ir.verifier import verify
from hotwire.passes.manager import run_passes

from golden import functions

GOLDEN = pathlib.Path(__file__).parent / "golden"
NAMES = [n for n in functions.WARMUP if n != "generator"]


def _ir_text(name):
    func = getattr(functions, name)
    for args in functions.WARMUP[name]:
        func(*args)
    fn = Builder(func.__code__, func.__qualname__).build()
    verify(fn, "after build")
    before = format_function(fn)
    run_passes(fn, {})
    verify(fn, "after passes")
    return f"# built\n{before}# after passes\n{format_function(fn)}"


@pytest.mark.parametrize("name", NAMES)
def test_ir_text_matches_golden_file(name):
    text = _ir_text(name)
    path = GOLDEN / f"{name}.ir"
    if os.environ.get("HOTWIRE_BLESS"):
        path.write_text(text)
    assert path.exists(), f"no golden file {path}; run with HOTWIRE_BLESS=1 and review it"
    assert text == path.read_text()


def test_generator_is_refused_with_reason():
    with pytest.raises(NotCompilable, match="generator"):
        Builder(functions.generator.__code__)


def test_text_form_is_stable_across_builds():
    assert _ir_text("count_loop") == _ir_text("count_loop")
