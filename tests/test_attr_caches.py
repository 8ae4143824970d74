"""Attribute inline caches (backend/lower_attr_caches.py) in compiled code that was made *after* tier 0
specialised the accesses, which the differential corpus (threshold 0: compiled at the first call, before
any feedback exists) cannot reach.

The functions of tests/corpus/attr_inline_caches.py run a while in the interpreter, are then compiled with
`hotwire.jit`, and go on through everything the caches' checks guard against: a method replaced on the
class, a class attribute added, an instance attribute deleted or shadowing a method, an instance dict
materialised by vars(), another class, __slots__, a property. Every step's outcome must be the plain
copy's, and the compiled code must really hold the caches (explain() names them).
"""
from test_runtime import assert_same, run_scenario

FUNCS = '''
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)

    def move(self, dx):
        self.x = self.x + dx
        return self


class Other:
    def __init__(self):
        self.y = "other y"
        self.x = "other x"

    def norm1(self):
        return "other norm"


class Slotted:
    __slots__ = ("x", "y")

    def __init__(self):
        self.x, self.y = 10, 20

    def norm1(self):
        return self.x * self.y


def total(points):
    s = []
    for p in points:
        s.append((p.x, p.norm1()))
    return s


def bump(items):
    for s in items:
        s.x = s.y + 1
    return [s.norm1() for s in items]


def shift(points, dx):
    for p in points:
        p.move(dx)
        p.y = p.y
'''

DRIVER = '''
def run(ns, jit=None):
    Point, total, shift = ns["Point"], ns["total"], ns["shift"]
    pts = [Point(i, -i) for i in range(5)]
    slotted = [ns["Slotted"]() for _ in range(3)]
    for _ in range(30):          # tier 0 specialises the loads, stores and method calls
        shift(pts, 1)
        total(pts)
        ns["bump"](slotted)
    if jit:
        for name in ("total", "shift"):
            jit(ns[name])
        jit(Point.move)
        jit(ns["bump"])
    out = [outcome(total, pts), outcome(shift, pts, 2), outcome(total, pts)]
    out.append(outcome(total, [ns["Other"](), ns["Slotted"]()] + pts[:2]))
    out.append(outcome(ns["bump"], slotted))
    del slotted[0].x, slotted[1].y
    out.append(outcome(ns["bump"], slotted[:1]))
    out.append(outcome(ns["bump"], slotted[1:]))
    Point.norm1 = lambda self: "replaced"
    out.append(outcome(total, pts[:2]))
    Point.extra = 1
    del pts[0].x
    out.append(outcome(total, pts[:1]))
    out.append(outcome(shift, pts[:1], 1))
    pts[1].norm1 = lambda: "instance attribute shadows the method"
    vars(pts[2])["x"] = 100
    out.append(outcome(total, pts[1:3]))
    out.append(outcome(shift, pts[1:3], 1))
    out.append(outcome(total, pts[1:3]))
    del Point.norm1
    out.append(outcome(total, pts[3:]))
    return out

plain = run(load())
import hotwire
ns = load()
jitted = run(ns, hotwire.jit)
report(plain=plain, jitted=jitted, compiled=[hotwire.is_compiled(ns[n]) for n in ("total", "shift", "bump")],
       explain={n: hotwire.explain(ns[n]) for n in ("total", "shift", "bump")})
'''


def test_attribute_caches_keep_interpreter_semantics(tmp_path):
    res, _ = run_scenario(tmp_path, FUNCS, DRIVER)
    assert res["compiled"] == [True, True, True]
    assert "x: instance value inline cache from tier 0" in res["explain"]["total"]
    assert "norm1: method with values inline cache from tier 0" in res["explain"]["total"]
    assert "y: instance value inline cache from tier 0" in res["explain"]["shift"]
    assert "x: slot inline cache from tier 0" in res["explain"]["bump"]
    assert "y: slot inline cache from tier 0" in res["explain"]["bump"]
    assert res["jitted"] == res["plain"]
    assert res["plain"][4] == ["ok", "list", "[420, 420, 420]"]
    assert res["plain"][5] == ["ok", "list", "[420]"]
    assert res["plain"][6][:2] == ["raise", "AttributeError"]
    assert res["plain"][7] == ["ok", "list", "[(32, 'replaced'), (33, 'replaced')]"]
    assert res["plain"][8][:2] == ["raise", "AttributeError"]
    assert res["plain"][-1][:2] == ["raise", "AttributeError"]


def test_attribute_caches_can_be_switched_off(tmp_path):
    """HOTWIRE_PASSES=-attr_caches (for bisecting a miscompile): generic calls only, same results."""
    res, _ = run_scenario(tmp_path, FUNCS, DRIVER, HOTWIRE_PASSES="-attr_caches")
    assert res["compiled"] == [True, True, True]
    assert not any("inline cache" in text for text in res["explain"].values())
    assert res["jitted"] == res["plain"]


def test_attribute_caches_are_linked_from_the_code_cache_with_this_process_versions(tmp_path):
    """A second process loads the units the first stored: their version tags and methods are bound to
    what its own tier 0 found (per-process values), and every check still holds through the scenario."""
    cache = str(tmp_path / "cache")
    first, _ = run_scenario(tmp_path, FUNCS, DRIVER, HOTWIRE_CACHE_DIR=cache)
    assert not any("from the code cache" in text for text in first["explain"].values())
    second, _ = run_scenario(tmp_path, FUNCS, DRIVER, HOTWIRE_CACHE_DIR=cache)
    for name in ("total", "shift", "bump"):
        assert "machine code from the code cache" in second["explain"][name], name
    assert "norm1: method with values inline cache from tier 0" in second["explain"]["total"]
    assert "x: slot inline cache from tier 0" in second["explain"]["bump"]
    assert second["jitted"] == second["plain"] == first["plain"]


LAYOUT_FUNCS = '''
import os

class Pair:
    def __init__(self):
        if os.environ.get("SWAP_ATTRIBUTES"):
            self.b, self.a = 2, 1
        else:
            self.a, self.b = 1, 2

def first(items):
    return [p.a for p in items]
'''

LAYOUT_DRIVER = '''
import hotwire
from hotwire.runtime import code_cache
def run(ns, jit=None):
    items = [ns["Pair"]() for _ in range(4)]
    for _ in range(30):
        ns["first"](items)
    if jit:
        jit(ns["first"])
    return [outcome(ns["first"], items)]
plain = run(load())
ns = load()
jitted = run(ns, hotwire.jit)
report(plain=plain, jitted=jitted, explain=hotwire.explain(ns["first"]), cache=code_cache.counts())
'''


def test_an_attribute_found_elsewhere_is_another_cache_entry(tmp_path):
    """The same code, quickened the same way, but `a` is the second inline value in this process: its
    index is part of the key, so the unit compiled for the other layout is not this one's, and both
    stay in the cache (with the index outside the key, each run threw out the other's unit)."""
    cache = str(tmp_path / "cache")
    first, _ = run_scenario(tmp_path, LAYOUT_FUNCS, LAYOUT_DRIVER, HOTWIRE_CACHE_DIR=cache)
    assert first["cache"]["stores"] == 1
    swapped, _ = run_scenario(tmp_path, LAYOUT_FUNCS, LAYOUT_DRIVER, HOTWIRE_CACHE_DIR=cache,
                              SWAP_ATTRIBUTES="1")
    assert swapped["cache"]["hits"] == 0 and swapped["cache"]["stores"] == 1
    assert "a: instance value inline cache from tier 0" in swapped["explain"]
    assert swapped["jitted"] == swapped["plain"] == [["ok", "list", "[1, 1, 1, 1]"]]
    for env in ({}, {"SWAP_ATTRIBUTES": "1"}):
        again, _ = run_scenario(tmp_path, LAYOUT_FUNCS, LAYOUT_DRIVER, HOTWIRE_CACHE_DIR=cache, **env)
        assert again["cache"]["hits"] == 1 and "from the code cache" in again["explain"], env
        assert again["jitted"] == again["plain"], env


def test_a_version_or_method_is_bound_only_for_the_layout_compiled_for():
    """The "attr_cache" recipe: this process's tag, keys version or method for the access, only when
    the access is specialised as the machine code expects (kind and index), and never a zero version."""
    from hotwire.backend.symbol_recipes import _attr_cache
    from hotwire.frontend.attr_feedback import AttrFeedback
    cells = []

    def buffers(role):
        cells.append(role)
        return 1000 + len(cells)
    here = {8: AttrFeedback("instance_value", 8, 77, index=2),
            20: AttrFeedback("method_with_values", 20, 78, keys_version=5, descr=4096),
            30: AttrFeedback("method_with_values", 30, 79, keys_version=0, descr=8192)}
    assert _attr_cache(here.get, buffers, 8, "type_version", "instance_value", 2) == 1001
    assert cells == [("u32", 77)]
    assert _attr_cache(here.get, buffers, 8, "type_version", "instance_value", 3) is None
    assert _attr_cache(here.get, buffers, 8, "type_version", "slot", 2) is None
    assert _attr_cache(here.get, buffers, 12, "type_version", "instance_value", 2) is None
    assert _attr_cache(here.get, buffers, 20, "descr", "method_with_values", 0) == 4096
    assert _attr_cache(here.get, buffers, 20, "keys_version", "method_with_values", 0) == 1002
    assert cells[-1] == ("u32", 5)
    assert _attr_cache(here.get, buffers, 30, "keys_version", "method_with_values", 0) is None

HINT_FUNCS = '''
class Record:
    def __init__(self, **fields):
        self.__dict__.update(fields)    # a dict from the start: no inline values


def names(items):
    return [r.name for r in items]
'''

HINT_DRIVER = '''
def run(ns, jit=None):
    Record, names = ns["Record"], ns["names"]
    items = [Record(name="n%d" % i, size=i) for i in range(4)]
    for _ in range(30):          # tier 0 specialises the load to LOAD_ATTR_WITH_HINT
        names(items)
    if jit:
        jit(names)
    out = [outcome(names, items)]
    items[0].name = "renamed"                      # same entry, new value
    del items[1].name                              # the entry's key is gone
    out.append(outcome(names, items))
    items[1].name = "back"                         # a new entry, after `size`
    out.append(outcome(names, items))
    vars(items[2])[7] = "int key"                  # the keys become general (hash, key, value)
    out.append(outcome(names, items))
    items[3].__dict__ = {"size": 0, "name": "swapped dict"}   # `name` at another entry
    out.append(outcome(names, items))
    out.append(outcome(names, items + [ns["Record"]()]))       # no such attribute at all
    Record.name = property(lambda self: "a property wins")     # the type's version tag moves
    out.append(outcome(names, items))
    return out

plain = run(load())
import hotwire
ns = load()
jitted = run(ns, hotwire.jit)
report(plain=plain, jitted=jitted, compiled=hotwire.is_compiled(ns["names"]), explain=hotwire.explain(ns["names"]))
'''


def test_an_attribute_of_an_instance_dict_is_read_at_its_hinted_entry(tmp_path):
    """LOAD_ATTR_WITH_HINT: the instance has a real dict; compiled code reads the entry tier 0 found
    the name at, after the interpreter's checks (a dict, an entry that far, the very same key)."""
    res, _ = run_scenario(tmp_path, HINT_FUNCS, HINT_DRIVER)
    assert res["compiled"]
    assert "name: with hint inline cache from tier 0" in res["explain"]
    assert_same(res["plain"], res["jitted"])
    assert res["plain"][0] == ["ok", "list", "['n0', 'n1', 'n2', 'n3']"]
    assert res["plain"][1][:2] == ["raise", "AttributeError"]
    assert res["plain"][4] == ["ok", "list", "['renamed', 'back', 'n2', 'swapped dict']"]
    assert res["plain"][-1] == ["ok", "list", "['a property wins', 'a property wins', 'a property wins', "
                                             "'a property wins']"]
