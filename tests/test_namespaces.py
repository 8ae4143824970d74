"""One compiled unit per code object, run in every namespace the code is executed in.

The same code object runs with other globals whenever its source is executed again (`exec` in a fresh
dict, as pyperf-style harnesses and template engines do). Compiled code finds its global cache cells in
the record of the calling function's namespace (backend/namespace_records.py); these tests check that a
function of any namespace reads its own globals and builtins, is compiled without compiling again, and
that a dead namespace's record can never be used by a new dict allocated at the same address.
"""
from test_runtime import run_scenario

NAMESPACE_FUNCS = '''
def read(k):
    return X * k + len("ab")

def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
'''


def test_a_dead_namespaces_address_reused_by_a_new_dict_reads_the_new_globals(tmp_path):
    """The compiled code of a dead namespace's function must not match a new dict at its address
    (before namespace records it read cells freed and reused by another compile: a wrong value).
    Whether the allocator reuses the address is up to it, so the scenario is tried until it does."""
    driver = '''
    import gc, hotwire
    f_code = compile("def f():\\n    return X\\n", "<f>", "exec")
    g_code = compile("def g():\\n    return Y\\n", "<g>", "exec")
    seen = []
    for attempt in range(30):
        ns = {"X": 1}
        exec(f_code, ns)
        hotwire.jit(ns["f"])
        first = [ns["f"](), ns["f"]()]
        address = id(ns)
        del ns
        gc.collect()
        keep = []
        for _ in range(5000):
            ns2 = {"X": 2}
            if id(ns2) == address:
                break
            keep.append(ns2)
        else:
            continue
        exec(f_code, ns2)
        ns3 = {"Y": 99}
        exec(g_code, ns3)
        hotwire.jit(ns3["g"])
        ns3["g"](); ns3["g"]()   # compiled: takes the cells the dead namespace gave back
        seen.append([first, [ns2["f"]() for _ in range(3)], hotwire.is_compiled(ns2["f"])])
    report(seen=seen)
    '''
    res, _ = run_scenario(tmp_path, NAMESPACE_FUNCS, driver)
    assert len(res["seen"]) >= 5, "the allocator should reuse a dead dict's address now and then"
    for first, second, compiled in res["seen"]:
        assert first == [1, 1]
        assert second == [2, 2, 2]
        assert compiled is True


def test_one_compile_serves_many_live_namespaces_each_with_its_own_globals(tmp_path):
    """Twelve live namespaces (more than a unit's table holds) call the same code, interleaved: each
    reads its own X and builtins, a rebinding in one is seen by that one only, and the code is
    compiled once. fib recurses through its own namespace's global name."""
    driver = '''
    import builtins, hotwire

    def run(jit):
        spaces = []
        for i in range(12):
            ns = load(X=i)
            if i == 5:
                ns["__builtins__"] = dict(vars(builtins), len=lambda s: 100)
                exec(compile(_SRC, FUNCS, "exec"), ns)   # functions made with those builtins
            if jit:
                jit(ns["read"]); jit(ns["fib"])
            spaces.append(ns)
        out = []
        for rnd in range(4):
            for i, ns in enumerate(spaces):
                out.append(ns["read"](rnd))
                out.append(ns["fib"](10 + i % 3))
            spaces[3]["X"] = 1000 + rnd
            spaces[7]["fib"] = lambda n: -1
        return out, spaces

    plain, _ = run(None)
    jitted, spaces = run(hotwire.jit)
    compiled = [hotwire.is_compiled(ns["read"]) for ns in spaces[-8:]]
    report(plain=plain, jitted=jitted, compiled=compiled, compiles=hotwire.stats()["compiled"])
    '''
    res, _ = run_scenario(tmp_path, NAMESPACE_FUNCS, driver)
    assert res["jitted"] == res["plain"]
    assert res["plain"][:2] == [2, 55] and res["plain"][10:12] == [100, 144]
    assert res["compiled"] == [True] * 8
    assert res["compiles"] == 2, res["compiles"]


def test_records_of_dead_namespaces_are_freed(tmp_path):
    """A namespace's record is freed with its dicts: two hundred namespaces made and dropped leave no
    more records than the live ones."""
    driver = '''
    import gc, hotwire
    from hotwire.runtime import globals_cache
    total = 0
    for i in range(200):
        ns = load(X=i)
        hotwire.jit(ns["read"])
        total += ns["read"](1) + ns["read"](2)
        del ns
        gc.collect()
    live = sum(len(records) for records in globals_cache._State.records.values())
    report(total=total, live=live)
    '''
    res, _ = run_scenario(tmp_path, NAMESPACE_FUNCS, driver)
    assert res["total"] == sum(3 * i + 4 for i in range(200))
    assert res["live"] <= 2, res["live"]
