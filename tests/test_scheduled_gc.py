"""A collection CPython 3.12 schedules while compiled code runs is run by the compiled code
(backend/scheduled_gc.py), not by deopting: the loop stays compiled, the generations collected are the
ones CPython collects, and garbage cycles made in the loop are freed during it."""
from test_runtime import run_scenario

FUNCS = '''
class Node:
    pass

def churn(n):
    total = 0
    for i in range(n):
        a = Node(); b = Node()
        a.other = b; b.other = a      # a garbage cycle per iteration
        total += i
    return total
'''


def test_scheduled_collections_run_inside_a_compiled_loop(tmp_path):
    driver = '''
    import gc, hotwire
    def run(jit):
        churn = load()["churn"]
        if jit:
            jit(churn)
            churn(10)                     # compiles
        generations = []
        def seen(phase, info):
            if phase == "stop":
                generations.append(info["generation"])
        gc.collect()
        gc.callbacks.append(seen)
        try:
            result = churn(200000)
        finally:
            gc.callbacks.remove(seen)
        return result, generations, len([o for o in gc.get_objects() if type(o).__name__ == "Node"])
    plain = run(None)
    jitted = run(hotwire.jit)
    report(plain=plain, jitted=jitted, deopts=hotwire.stats()["guard_failures"])
    '''
    res, _ = run_scenario(tmp_path, FUNCS, driver)
    plain_result, plain_gens, plain_alive = res["plain"]
    jit_result, jit_gens, jit_alive = res["jitted"]
    assert jit_result == plain_result == 200000 * 199999 // 2
    assert res["deopts"] == 0, "the loop left compiled code"
    assert len(plain_gens) > 100 and jit_gens.count(0) > 100
    assert set(jit_gens) <= {0, 1, 2} and 1 in jit_gens
    assert abs(len(jit_gens) - len(plain_gens)) <= len(plain_gens) // 10
    assert jit_alive < 2000 and plain_alive < 2000
