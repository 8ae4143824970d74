"""A local that starts as an int constant and becomes a float (`total = 0; total += x * y`): where it
meets a surely-float value, compiled code converts an exact small int exactly as Python does
(unbox_as_float) instead of deopting at the first iteration; anything else still deopts."""
from test_runtime import assert_same, run_scenario

FUNCS = '''
class MyInt(int):
    def __add__(self, other):
        return "MyInt.__add__"
    __radd__ = __add__

def best_of(scores):
    best = -1
    for s in scores:
        if s > best:
            best = s
    return best

def weighted(xs, scale, start=0):
    total = 0
    if start:
        total = start
    for x in xs:
        total += x * scale
    return total
'''


def test_int_start_then_floats_matches_cpython_and_stays_compiled(tmp_path):
    driver = '''
    import hotwire
    def run(ns):
        cases = [([0.5, 1.5, 2.5], 2.0, 0), ([1, 2, 3], 0.5, 0), ([1, 2, 3], 2, 0), ([], 2.0, 0),
                 ([-0.0], 1.0, 0), ([float("nan")], 1.0, 0), ([1e308], 10.0, 0), ([0.5], 2.0, 2**40),
                 ([0.5], 2.0, True), ([0.5], 2.0, ns["MyInt"](3)), ([0.5], 2.0, 2**29),
                 ([0.5], 2.0, -(2**30))]
        return [outcome(ns["weighted"], *case) for case in cases]
    plain = run(load())
    ns = load()
    for _ in range(20):
        ns["weighted"]([0.25, 0.75], 4.0)   # warm-up: float feedback
    hotwire.jit(ns["weighted"])
    ns["weighted"]([0.25], 4.0)              # compiles
    from hotwire.runtime import install
    unit = install.units.get(ns["weighted"].__code__)
    before = hotwire.stats()["guard_failures"] - unit.osr_deopts.value
    jitted = run(ns)
    # Deopts of the calls themselves: after one, the interpreter may enter the loop again by
    # on-stack replacement and deopt again at a later item; those are counted apart.
    after_floats = hotwire.stats()["guard_failures"] - unit.osr_deopts.value
    report(plain=plain, jitted=jitted, compiled=hotwire.is_compiled(ns["weighted"]),
           deopts_on_float_cases=after_floats - before, explain=hotwire.explain(ns["weighted"]))
    '''
    res, _ = run_scenario(tmp_path, FUNCS, driver)
    assert res["compiled"], res["explain"]
    assert_same(res["plain"], res["jitted"])
    j = res["jitted"]
    assert j[0] == ["ok", "float", "9.0"] and j[2] == ["ok", "int", "12"] and j[3] == ["ok", "int", "0"]
    assert j[4] == ["ok", "float", "0.0"] and j[9] == ["ok", "str", "'MyInt.__add__'"]
    # Each deopts once: int items ([1, 2, 3] * 0.5 and * 2: `x` is not a local that starts as an
    # int), and starts that are not one-digit exact ints (2**40, True, MyInt(3), -(2**30)). Floats
    # from an int 0 (cases 0, 4, 5, 6) or from 2**29 do not.
    assert res["deopts_on_float_cases"] == 6, res["explain"]


def test_int_start_compared_with_floats(tmp_path):
    """`best = -1` then `if s > best` with float scores: the int is compared exactly, no deopt."""
    driver = '''
    import hotwire
    def run(ns):
        cases = [[0.5, 2.5, 1.5], [], [-3.0], [float("nan"), 1.0], [2**29 * 1.0], [True, 0.5], [3, 7, 5]]
        return [outcome(ns["best_of"], case) for case in cases]
    plain = run(load())
    ns = load()
    for _ in range(20):
        ns["best_of"]([0.25, 0.75])
    hotwire.jit(ns["best_of"])
    ns["best_of"]([0.25])
    from hotwire.runtime import install
    unit = install.units.get(ns["best_of"].__code__)
    before = hotwire.stats()["guard_failures"] - unit.osr_deopts.value
    jitted = run(ns)
    # (deopts of OSR runs, which the interpreter starts after a call's deopt, are counted apart)
    report(plain=plain, jitted=jitted, compiled=hotwire.is_compiled(ns["best_of"]),
           deopts=hotwire.stats()["guard_failures"] - unit.osr_deopts.value - before,
           explain=hotwire.explain(ns["best_of"]))
    '''
    res, _ = run_scenario(tmp_path, FUNCS, driver)
    assert res["compiled"], res["explain"]
    assert_same(res["plain"], res["jitted"])
    assert res["jitted"][0] == ["ok", "float", "2.5"] and res["jitted"][1] == ["ok", "int", "-1"]
    # only the bool and the int scores deopt (they are not floats); the int start -1 never does
    assert res["deopts"] == 2, res["explain"]
