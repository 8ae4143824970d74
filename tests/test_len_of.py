"""`len(x)` in compiled code (passes/specialise_len.py, backend/lower_len.py): the length read from an
exact str, list, tuple, dict or bytes; the call for anything else, its result unboxed when it is an
int in 64 bits and handed to the interpreter after the call otherwise. Same results, exceptions and
tracebacks as CPython for what hypothesis draws, with `len` the builtin or rebound."""
import json

from hypothesis import given, settings, strategies as st

from test_runtime import assert_same, run_scenario

FUNCS = '''
def total(items):
    n = 0
    for x in items:
        n += len(x)
    return n

class Sized(list):
    def __len__(self):
        return 7
'''

DRIVER = '''
import builtins, hotwire
CASES = json.loads(os.environ["LEN_CASES"])
REBOUND = [None, lambda o: "not an int", lambda o: 2 ** 70, lambda o: 3, lambda o: 1 / 0]

def item(spec):
    kind, value = spec
    return {"str": str, "bytes": lambda v: v.encode("utf-8", "surrogatepass"), "list": list, "tuple": tuple,
            "dict": lambda v: dict.fromkeys(v), "set": set, "bytearray": lambda v: bytearray(v, "utf-8", "surrogatepass"),
            "range": lambda v: range(len(v)), "sized": lambda v: ns_for_items["Sized"](v), "int": lambda v: len(v)}[kind](value)

def run(ns):
    global ns_for_items
    ns_for_items = ns
    out = []
    for rebound, specs in CASES:
        items = [item(s) for s in specs]
        real = builtins.len
        if REBOUND[rebound] is not None:
            builtins.len = REBOUND[rebound]
        try:   # (the traceback is formatted once len is back: the traceback module calls it)
            value, error = ns["total"](items), None
        except Exception as e:
            error = e
        finally:
            builtins.len = real
        out.append(outcome(lambda: value) if error is None else
                   ["raise", type(error).__name__, "".join(traceback.format_exception(error))])
    return out

plain = run(load())
ns = load()
hotwire.jit(ns["total"])
ns["total"]([])   # compiled now, with the builtins intact (see test_runtime: replaced builtins)
jitted = run(ns)
from hotwire.runtime import install
report(plain=plain, jitted=jitted, compiled=hotwire.is_compiled(ns["total"]),
       ir=install.units.get(ns["total"].__code__).ir_text)
'''

_TEXT = st.text(max_size=12)
_ITEMS = st.tuples(st.sampled_from(["str", "bytes", "list", "tuple", "dict", "set", "bytearray", "range", "sized",
                                    "int"]), _TEXT)


@settings(max_examples=5, deadline=None)
@given(st.lists(st.tuples(st.integers(min_value=0, max_value=4), st.lists(_ITEMS, max_size=6)),
                min_size=10, max_size=30))
def test_len_matches_cpython(tmp_path_factory, cases):
    res = run_scenario(tmp_path_factory.mktemp("len"), FUNCS, DRIVER, LEN_CASES=json.dumps(cases))[0]
    assert res["compiled"]
    assert "len_of" in res["ir"]
    assert_same(res["plain"], res["jitted"])


def test_rebound_len_results_and_errors(tmp_path):
    cases = [[0, [["str", "abc"], ["list", "xy"], ["dict", "q"]]], [1, [["str", "a"]]], [2, [["str", "a"]]],
             [3, [["str", "a"], ["list", "bc"]]], [4, [["tuple", "a"]]], [0, [["int", "ab"]]]]
    res = run_scenario(tmp_path, FUNCS, DRIVER, LEN_CASES=json.dumps(cases))[0]
    assert [r[:2] for r in res["jitted"]] == [["ok", "int"], ["raise", "TypeError"], ["ok", "int"],
                                              ["ok", "int"], ["raise", "ZeroDivisionError"], ["raise", "TypeError"]]
    assert res["jitted"][2][2] == str(2 ** 70) and res["jitted"][3][2] == "6"
    assert_same(res["plain"], res["jitted"])
