"""`sum(x)` in compiled code (passes/specialise_sum.py, backend/lower_sum.py) of an itertools.repeat, a
list or a tuple: the same value, type and side effects as CPython's sum for every element, count and
mix of items hypothesis draws, and the plain call whenever the callable or the argument is anything
else."""
import json

from hypothesis import given, settings, strategies as st

from test_runtime import assert_same, run_scenario

FUNCS = '''
import itertools

def total(r):
    return sum(r)

class Repeat(itertools.repeat):
    pass
'''

DRIVER = '''
import itertools, hotwire
CASES = json.loads(os.environ["SUM_CASES"])

def element(spec):
    kind, text = spec
    return {"float": float, "int": int, "str": str, "bool": lambda t: t == "True", "none": lambda t: None}[kind](text)

def run(ns):
    out = []
    for spec, n in CASES:
        r = itertools.repeat(element(spec), n)
        out.append(outcome(ns["total"], r) + [repr(list(r))])   # and what the iterator has left
    return out

plain = run(load())
ns = load()
hotwire.jit(ns["total"])
jitted = run(ns)
from hotwire.runtime import install
report(plain=plain, jitted=jitted, compiled=hotwire.is_compiled(ns["total"]),
       ir=install.units.get(ns["total"].__code__).ir_text)
'''

_ELEMENTS = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True).map(lambda x: ["float", repr(x)]),
    st.integers(min_value=-2**80, max_value=2**80).map(lambda i: ["int", str(i)]),
    st.sampled_from([["bool", "True"], ["str", "ab"], ["none", ""], ["float", "-0.0"], ["float", "0.1"],
                     ["float", "1e308"], ["float", "5e-324"]]))


def _run(tmp_path, cases, funcs=FUNCS, driver=DRIVER):
    return run_scenario(tmp_path, funcs, driver, SUM_CASES=json.dumps(cases))[0]


@settings(max_examples=5, deadline=None)
@given(st.lists(st.tuples(_ELEMENTS, st.integers(min_value=0, max_value=300)), min_size=20, max_size=40))
def test_sum_of_repeat_matches_cpython(tmp_path_factory, cases):
    res = _run(tmp_path_factory.mktemp("sum"), [list(c) for c in cases])
    assert res["compiled"]
    assert "sum_of" in res["ir"]
    assert_same(res["plain"], res["jitted"])


def test_long_float_sums_compensate_like_cpython(tmp_path):
    # Long enough for the rounding of f + x to matter at every step, and for the compensation to
    # differ from a naive loop's result (sum(repeat(0.1, 10**6)) is exactly 100000.0 in 3.12).
    cases = [[["float", "0.1"], 10**6], [["float", "1e16"], 1001], [["float", "-1e308"], 3],
             [["float", "1.0000000000000002"], 99999]]
    res = _run(tmp_path, cases)
    assert res["plain"][0][2] == "100000.0"
    assert_same(res["plain"], res["jitted"])


def test_other_arguments_and_a_rebound_sum_are_called(tmp_path):
    driver = '''
import itertools, hotwire
def own_sum(r):
    return "the program's own sum"
def run(ns):
    return [outcome(ns["total"], ns["Repeat"](2.5, 4)), outcome(ns["total"], [1.5, 2.5]),
            outcome(ns["total"], itertools.repeat(1.0, -3)), outcome(ns["total"], 7)]
def run_rebound(ns):
    return [outcome(ns["total"], itertools.repeat(1.0, 5))]
plain = run(load()) + run_rebound(load(sum=own_sum))
ns, rebound = load(), load(sum=own_sum)
hotwire.jit(ns["total"])
hotwire.jit(rebound["total"])
jitted = run(ns) + run_rebound(rebound)
report(plain=plain, jitted=jitted, compiled=hotwire.is_compiled(ns["total"]) and hotwire.is_compiled(rebound["total"]))
'''
    res = run_scenario(tmp_path, FUNCS, driver)[0]
    assert res["compiled"]
    assert res["jitted"][-1] == ["ok", "str", "\"the program's own sum\""]
    assert res["jitted"][0] == ["ok", "float", "10.0"]
    assert_same(res["plain"], res["jitted"])


SEQUENCE_DRIVER = '''
import hotwire
CASES = json.loads(os.environ["SUM_CASES"])
MAKE = {"float": float, "int": int, "bool": lambda t: t == "True", "str": str}

def run(ns):
    out = []
    for kind, specs in CASES:
        items = [MAKE[k](t) for k, t in specs]
        out.append(outcome(ns["total"], tuple(items) if kind == "tuple" else items))
    return out

plain = run(load())
ns = load()
hotwire.jit(ns["total"])
jitted = run(ns)
report(plain=plain, jitted=jitted, compiled=hotwire.is_compiled(ns["total"]))
'''

_FLOAT = st.floats(allow_nan=True, allow_infinity=True).map(lambda x: ["float", repr(x)])
_INT = st.one_of(st.integers(min_value=-2**31, max_value=2**31),
                 st.integers(min_value=-2**64, max_value=2**64)).map(lambda i: ["int", str(i)])
_ODD = st.sampled_from([["bool", "True"], ["str", "x"], ["float", "-0.0"], ["int", str(2**63 - 1)],
                        ["int", str(-2**63)]])
_ITEMS = st.one_of(st.lists(_FLOAT, max_size=50), st.lists(_INT, max_size=50),
                   st.lists(st.one_of(_FLOAT, _INT, _ODD), max_size=8))


@settings(max_examples=5, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["list", "tuple"]), _ITEMS), min_size=20, max_size=40))
def test_sum_of_lists_and_tuples_matches_cpython(tmp_path_factory, cases):
    res = _run(tmp_path_factory.mktemp("sum"), [list(c) for c in cases], driver=SEQUENCE_DRIVER)
    assert res["compiled"]
    assert_same(res["plain"], res["jitted"])


def test_int_sums_past_64_bits_and_long_float_lists(tmp_path):
    cases = [["list", [["int", str(2**62)], ["int", str(2**62)]]],          # overflows a C long
             ["tuple", [["int", str(-2**63)], ["int", "-1"]]],
             ["list", [["float", "0.1"]] * 1000], ["list", [["int", "1"], ["bool", "True"]]],
             ["tuple", []], ["list", [["float", "-0.0"]]]]
    res = _run(tmp_path, cases, driver=SEQUENCE_DRIVER)
    assert [r[2] for r in res["plain"]] == [str(2**63), str(-2**63 - 1), repr(sum([0.1] * 1000)), "2", "0", "0.0"]
    assert_same(res["plain"], res["jitted"])
