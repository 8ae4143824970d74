"""Guard failures are counted: HOTWIRE_STATS, hotwire.stats() and explain() say how often compiled code
left for the interpreter, and where (the first thing to look at when compiled code is slow)."""
from test_runtime import run_scenario

FUNCS = '''
def add(a, b):
    return a + b
'''


def test_deopts_are_counted_per_line_and_reported(tmp_path):
    driver = '''
    import hotwire
    add = load()["add"]
    hotwire.jit(add)
    ints = [add(i, 1) for i in range(100)]      # the first call compiles with int feedback
    strs = [add("x", str(i)) for i in range(30)]  # each fails the int guard
    snap = hotwire.stats()
    report(ok=ints[-1] == 100 and strs[-1] == "x29", total=snap["guard_failures"],
           sites=snap["guard_failure_sites"], explain=hotwire.explain(add))
    '''
    res, proc = run_scenario(tmp_path, FUNCS, driver, HOTWIRE_STATS="1")
    assert res["ok"]
    assert res["total"] == 30
    assert res["sites"] == [["add (funcs.py:1)", 2, 30]]
    assert "deopts taken so far: line 2: 30" in res["explain"]
    assert "guard failures (deopts to the interpreter): 30\n    add (funcs.py:1) line 2: 30\n" in proc.stderr


def test_counts_outlive_their_unit_and_recompiles_do_not_grow_the_stats(tmp_path):
    """A unit's counters are folded into the totals when its code dies, so a program that makes and
    compiles the same function many times keeps one entry per site."""
    driver = '''
    import gc, hotwire
    from hotwire.runtime import stats
    for round in range(20):
        add = load()["add"]
        hotwire.jit(add)
        add(1, 2); add(3, 4)
        add("a", "b")               # one deopt per round
        del add
        gc.collect()
    report(total=hotwire.stats()["guard_failures"], sites=hotwire.stats()["guard_failure_sites"],
           live=len(stats._live_sites), retired=len(stats._retired))
    '''
    res, _ = run_scenario(tmp_path, FUNCS, driver)
    assert res["total"] == 20
    assert res["sites"] == [["add (funcs.py:1)", 2, 20]]
    assert res["live"] <= 1 and res["retired"] == 1
