"""The IR verifier (hotwire.ir.verifier.verify): it accepts well-formed IR and rejects each broken
invariant its docstring lists, with a VerifyError that names the problem (and shows the function).

Functions are built by hand with hotwire.ir.ops and hotwire.ir.function; the last tests run the verifier
on the IR the front end builds from real functions, before and after the passes.
"""
import re

import pytest

from hotwire.frontend.py312 import build
from hotwire.ir import ops as ir
from hotwire.ir.function import Function
from hotwire.ir.verifier import VerifyError, verify
from hotwire.passes.manager import run_passes


def _code():
    def sample(a, b):
        return a + b
    return sample.__code__


def load_local(index, offset, stack=()):
    op = ir.LoadLocal(index=index, checked=False)
    op.deopt_state = ir.FrameState(offset, list(stack))
    return op


def binary(a, b, offset=6, oper=0):
    op = ir.BinaryOp(a, b, oper=oper)
    op.error_state = ir.FrameState(offset, [])
    return op


def ret(v, offset=8):
    return ir.Return(v, offset=offset)


def add_function():
    """`return a + b`, well formed: load, load, binary_op (steals both), return (steals the sum)."""
    fn = Function(_code(), "sample")
    b0 = fn.new_block(0)
    a = b0.append(load_local(0, 2))
    b = b0.append(load_local(1, 4, [a]))
    s = b0.append(binary(a, b))
    b0.append(ret(s))
    return fn, (a, b, s)


def rejected(fn):
    """The VerifyError message for fn (the test fails if verify accepts it)."""
    with pytest.raises(VerifyError) as info:
        verify(fn, "in test")
    message = str(info.value)
    assert message.startswith("IR verification failed in test:"), message
    assert f"function {fn.name}" in message, "the message shows the function's text"
    return message


def problems(message):
    """The list of problems (the lines between the headline and the function text)."""
    lines = message.splitlines()[1:]
    return [l.strip() for l in lines[:next(i for i, l in enumerate(lines) if l.startswith("function "))]]


# ---- well-formed functions are accepted -----------------------------------------------------------------

def test_accepts_straight_line_function():
    fn, _ = add_function()
    assert verify(fn) is None


def test_accepts_branches_with_block_arguments_and_a_value_passed_on_both_edges():
    """if c: x = a else: x = a  -- `a` goes to both successors; only one edge is taken, so it is one
    consumption. Both join blocks take an obj parameter and return it."""
    fn = Function(_code(), "branchy")
    b0, b1, b2, b3 = (fn.new_block(o) for o in (0, 10, 20, 30))
    a = b0.append(load_local(0, 2))
    c = b0.append(load_local(1, 4, [a]))
    t = b0.append(ir.Truthy(c))
    t.error_state = ir.FrameState(6, [a])
    b0.append(ir.Branch(t, targets=[b1, b2], args=[[a], [a]]))
    p1 = b1.add_param()
    b1.append(ir.Jump(targets=[b3], args=[[p1]]))
    p2 = b2.add_param()
    one = b2.append(ir.LoadConst(value=1))
    s = b2.append(binary(p2, one, offset=22))
    b2.append(ir.Jump(targets=[b3], args=[[s]]))
    p3 = b3.add_param()
    b3.append(ret(p3, offset=32))
    verify(fn)


def test_accepts_unboxed_values_guards_and_deopt_terminator():
    """Unboxed i64 values are not owned references; a Deopt hands its frame-state stack over."""
    fn = Function(_code(), "unboxed")
    b0, b1, b2 = (fn.new_block(o) for o in (0, 10, 20))
    a = b0.append(ir.BorrowLocal(index=0))
    g = b0.append(ir.GuardType(a, pytype=int))
    g.deopt_state = ir.FrameState(2, [])
    u = b0.append(ir.UnboxInt(a))
    u.deopt_state = ir.FrameState(2, [])
    k = b0.append(ir.I64Const(value=3))
    cmp = b0.append(ir.IntCompare(u, k, oper="<"))
    b0.append(ir.Branch(cmp, targets=[b1, b2], args=[[u], []]))
    n = b1.add_param(ir.I64)
    boxed = b1.append(ir.BoxInt(n))
    boxed.error_state = ir.FrameState(12, [])
    b1.append(ret(boxed, offset=14))
    x = b2.append(load_local(0, 20))
    d = b2.append(ir.Deopt(reason="test"))
    d.deopt_state = ir.FrameState(22, [x])
    verify(fn)


def test_accepts_for_iter_with_the_implicit_next_value():
    """FOR_ITER's first edge passes the next item as an extra, implicit block argument."""
    fn = Function(_code(), "loop")
    b0, b1, b2, b3 = (fn.new_block(o) for o in (0, 10, 20, 30))
    xs = b0.append(load_local(0, 2))
    it = b0.append(ir.GetIter(xs))
    it.error_state = ir.FrameState(4, [])
    b0.append(ir.Jump(targets=[b1], args=[[it]]))
    p_it = b1.add_param()
    fi = b1.append(ir.ForIter(p_it, targets=[b2, b3], args=[[p_it], []]))
    fi.error_state = ir.FrameState(10, [p_it])
    it2 = b2.add_param()
    item = b2.add_param()
    b2.append(ir.DecRef(item))
    b2.append(ir.Jump(targets=[b1], args=[[it2]]))
    none = b3.append(ir.LoadConst(value=None))
    b3.append(ret(none, offset=32))
    verify(fn)


# ---- 1. terminators ---------------------------------------------------------------------------------------

def test_rejects_block_without_terminator():
    fn, (a, b, s) = add_function()
    b0 = fn.blocks[0]
    b0.ops.pop()                       # the return
    b0.append(ir.DecRef(s))            # s is still consumed exactly once: only the terminator is missing
    message = rejected(fn)
    assert "block @0 has no terminator" in problems(message)
    assert "decref: terminator must end its block (and only there)" in problems(message)


def test_rejects_empty_block():
    fn, _ = add_function()
    fn.new_block(40)
    assert problems(rejected(fn)) == ["block @40 has no terminator"]


def test_rejects_terminator_in_the_middle_of_a_block():
    fn = Function(_code(), "early_return")
    b0 = fn.new_block(0)
    a = b0.append(load_local(0, 2))
    b0.append(ret(a, offset=4))
    b = b0.append(load_local(1, 6))
    b0.append(ret(b, offset=8))
    assert problems(rejected(fn)) == ["return: terminator must end its block (and only there)"]


# ---- 2. definitions before uses ---------------------------------------------------------------------------

def test_rejects_operand_used_before_definition():
    fn, (a, b, s) = add_function()
    ops = fn.blocks[0].ops
    ops[1], ops[2] = ops[2], ops[1]    # binary_op before the load of its second operand
    assert "binary_op: operand used before definition or across blocks" in problems(rejected(fn))


def test_rejects_value_used_across_blocks_without_a_block_argument():
    fn = Function(_code(), "cross")
    b0, b1 = fn.new_block(0), fn.new_block(10)
    a = b0.append(load_local(0, 2))
    b0.append(ir.Jump(targets=[b1], args=[[]]))
    b1.append(ret(a, offset=12))       # `a` is b0's value: it must come in as a parameter of b1
    assert problems(rejected(fn)) == ["return: operand used before definition or across blocks"]


def test_rejects_block_argument_not_defined():
    fn = Function(_code(), "cross_arg")
    b0, b1, b2 = fn.new_block(0), fn.new_block(10), fn.new_block(20)
    a = b0.append(load_local(0, 2))
    b0.append(ir.Jump(targets=[b1], args=[[a]]))
    b1.add_param()
    b1.append(ir.Jump(targets=[b2], args=[[a]]))   # passes b0's `a` instead of its own parameter
    q = b2.add_param()
    b2.append(ret(q))
    assert "jump: block argument not defined" in problems(rejected(fn))
    assert "value param consumed 0 times" in problems(rejected(fn))


# ---- 3. block arguments -----------------------------------------------------------------------------------

def test_rejects_too_few_block_arguments():
    fn = Function(_code(), "few")
    b0, b1 = fn.new_block(0), fn.new_block(10)
    a = b0.append(load_local(0, 2))
    b0.append(ir.DecRef(a))
    b0.append(ir.Jump(targets=[b1], args=[[]]))
    p = b1.add_param()
    b1.append(ret(p))
    assert problems(rejected(fn)) == ["jump: 0 arguments for 1 parameters"]


def test_rejects_too_many_block_arguments():
    fn = Function(_code(), "many")
    b0, b1 = fn.new_block(0), fn.new_block(10)
    a = b0.append(load_local(0, 2))
    b = b0.append(load_local(1, 4, [a]))
    b0.append(ir.Jump(targets=[b1], args=[[a, b]]))
    p = b1.add_param()
    b1.append(ret(p))
    assert "jump: 2 arguments for 1 parameters" in problems(rejected(fn))


def test_rejects_for_iter_without_room_for_the_next_value():
    """The next item is an implicit extra argument of FOR_ITER's first edge: a body block whose
    parameters do not make room for it is an arity error."""
    fn = Function(_code(), "loop")
    b0, b1, b2, b3 = (fn.new_block(o) for o in (0, 10, 20, 30))
    xs = b0.append(load_local(0, 2))
    it = b0.append(ir.GetIter(xs))
    it.error_state = ir.FrameState(4, [])
    b0.append(ir.Jump(targets=[b1], args=[[it]]))
    p_it = b1.add_param()
    fi = b1.append(ir.ForIter(p_it, targets=[b2, b3], args=[[p_it], []]))
    fi.error_state = ir.FrameState(10, [p_it])
    it2 = b2.add_param()               # no parameter for the item
    b2.append(ir.Jump(targets=[b1], args=[[it2]]))
    none = b3.append(ir.LoadConst(value=None))
    b3.append(ret(none, offset=32))
    assert "for_iter: 2 arguments for 1 parameters" in problems(rejected(fn))


def test_rejects_block_argument_of_the_wrong_representation():
    fn = Function(_code(), "types")
    b0, b1 = fn.new_block(0), fn.new_block(10)
    k = b0.append(ir.I64Const(value=1))
    b0.append(ir.Jump(targets=[b1], args=[[k]]))
    p = b1.add_param(ir.OBJ)
    b1.append(ret(p))
    assert problems(rejected(fn)) == ["jump: argument of type i64 for a obj parameter"]


def test_rejects_terminator_with_fewer_argument_lists_than_targets():
    fn = Function(_code(), "branch")
    b0, b1, b2 = fn.new_block(0), fn.new_block(10), fn.new_block(20)
    a = b0.append(load_local(0, 2))
    t = b0.append(ir.Truthy(a))
    t.error_state = ir.FrameState(4, [])
    b0.append(ir.Branch(t, targets=[b1, b2], args=[[]]))  # nothing said about the edge to b2
    none = b1.append(ir.LoadConst(value=None))
    b1.append(ret(none, offset=12))
    p = b2.add_param()
    b2.append(ret(p, offset=22))
    message = rejected(fn)
    assert "branch: 2 targets but 1 argument lists" in problems(message)


# ---- 4. frame states --------------------------------------------------------------------------------------

def test_rejects_frame_state_with_undefined_value():
    fn, (a, b, s) = add_function()
    a.deopt_state = ir.FrameState(2, [b])   # b is defined after a
    assert problems(rejected(fn)) == ["load_local: frame state refers to an undefined value"]


def test_rejects_error_state_with_undefined_value():
    fn, (a, b, s) = add_function()
    s.error_state = ir.FrameState(6, [s])   # its own result cannot be on the stack it fails with
    assert problems(rejected(fn)) == ["binary_op: frame state refers to an undefined value"]


# ---- 5. error and deopt states ----------------------------------------------------------------------------

def test_rejects_raising_op_without_error_state():
    fn, (a, b, s) = add_function()
    s.error_state = None
    assert problems(rejected(fn)) == ["binary_op: can raise but has no error state"]


def test_rejects_deopting_op_without_deopt_state():
    fn, (a, b, s) = add_function()
    b.deopt_state = None
    assert problems(rejected(fn)) == ["load_local: can deopt but has no deopt state"]


def test_rejects_deopt_terminator_without_deopt_state():
    fn = Function(_code(), "bail")
    b0 = fn.new_block(0)
    b0.append(ir.Deopt(reason="unsupported"))
    assert problems(rejected(fn)) == ["deopt: can deopt but has no deopt state"]


# ---- 6. ownership of obj values ---------------------------------------------------------------------------

def test_rejects_obj_value_consumed_twice():
    fn, (a, b, s) = add_function()
    s.operands = [a, a]                     # a stolen twice, b never
    found = problems(rejected(fn))
    assert found == ["value load_local consumed 2 times", "value load_local consumed 0 times"]


def test_rejects_obj_value_never_consumed():
    fn, (a, b, s) = add_function()
    c = load_local(0, 6)
    fn.blocks[0].ops.insert(2, c)
    c.block = fn.blocks[0]
    assert problems(rejected(fn)) == ["value load_local consumed 0 times"]


def test_rejects_obj_value_consumed_by_decref_and_return():
    fn, (a, b, s) = add_function()
    fn.blocks[0].ops.insert(3, ir.DecRef(s))
    assert problems(rejected(fn)) == ["value binary_op consumed 2 times"]


def test_rejects_block_parameter_never_consumed():
    fn = Function(_code(), "drop")
    b0, b1 = fn.new_block(0), fn.new_block(10)
    a = b0.append(load_local(0, 2))
    b0.append(ir.Jump(targets=[b1], args=[[a]]))
    b1.add_param()
    none = b1.append(ir.LoadConst(value=None))
    b1.append(ret(none, offset=12))
    assert problems(rejected(fn)) == ["value param consumed 0 times"]


def test_borrowing_uses_do_not_consume():
    """A guard borrows; a value only guarded and then dropped is still unconsumed."""
    fn = Function(_code(), "guarded")
    b0 = fn.new_block(0)
    a = b0.append(load_local(0, 2))
    g = b0.append(ir.GuardType(a, pytype=int))
    g.deopt_state = ir.FrameState(4, [a])
    none = b0.append(ir.LoadConst(value=None))
    b0.append(ret(none, offset=6))
    assert problems(rejected(fn)) == ["value load_local consumed 0 times"]
    b0.ops.insert(2, ir.DecRef(a))
    verify(fn)


def test_unused_null_is_allowed_but_a_used_twice_null_is_not():
    fn = Function(_code(), "nulls")
    b0 = fn.new_block(0)
    b0.append(ir.Null())
    none = b0.append(ir.LoadConst(value=None))
    b0.append(ret(none, offset=6))
    verify(fn)

    fn = Function(_code(), "nulls")
    b0 = fn.new_block(0)
    null = b0.append(ir.Null())
    results = []
    for i in range(2):
        f = b0.append(load_local(i, 2 + 10 * i))
        call = b0.append(ir.Call(f, null, kwnames=None))
        call.error_state = ir.FrameState(4 + 10 * i, [])
        results.append(call)
    b0.append(ir.DecRef(results[0]))
    b0.append(ret(results[1], offset=30))
    assert problems(rejected(fn)) == ["value null consumed 2 times"]


def test_rejects_value_passed_twice_on_one_edge():
    fn = Function(_code(), "twice")
    b0, b1 = fn.new_block(0), fn.new_block(10)
    a = b0.append(load_local(0, 2))
    b0.append(ir.Jump(targets=[b1], args=[[a, a]]))
    p, q = b1.add_param(), b1.add_param()
    b1.append(ir.DecRef(p))
    b1.append(ret(q, offset=12))
    assert "value load_local consumed 2 times" in problems(rejected(fn))


def test_when_label_appears_in_the_message():
    fn, (a, b, s) = add_function()
    s.error_state = None
    with pytest.raises(VerifyError, match=r"^IR verification failed after some_pass:\n"):
        verify(fn, "after some_pass")


# ---- the IR of real functions -----------------------------------------------------------------------------

G = 5


def f_arith(a, b):
    return a * b + G - a // 3


def f_float(x, y):
    z = x * 1.5 - y
    return z / 2.0 if z > 0 else -z


def f_loop(n):
    total = 0
    for i in range(n):
        if i % 3 == 0:
            total += i
        elif i > 50:
            break
    else:
        total = -total
    return total


def f_while(xs):
    i = 0
    out = []
    while i < len(xs):
        out.append(xs[i] * 2)
        i += 1
    return out


def f_exceptions(d, k):
    try:
        v = d[k]
    except KeyError as e:
        v = str(e)
    except (TypeError, ValueError):
        raise
    finally:
        d.clear()
    return v


def f_with(path):
    import contextlib
    with contextlib.suppress(ZeroDivisionError), open(path) as f:
        return f.read()


def f_closure(n):
    k = n + 1

    def inner(m):
        nonlocal k
        k += m
        return k
    return inner(2), [k * j for j in range(3)]


def f_calls(*args, key=None, **kwargs):
    a, *rest = args
    return sorted(rest, key=key), dict(kwargs, a=a), max(*args), print if a else len


def f_build(x):
    t = (x, x + 1)
    s = {x, 2}
    d = {"k": x, **{"j": 1}}
    return [*t, *s], d, f"{x!r:>10}", x[1:2] if isinstance(x, str) else t[::-1]


def f_match(v):
    match v:
        case [a, b]:
            return a + b
        case {"k": k}:
            return k
        case int() if v > 0:
            return v
        case _:
            return None


def f_unpack_and_compare(pair):
    a, b = pair
    return a < b <= 10, a is None, b in (1, 2), not a, -b, ~a


def f_attrs(o):
    o.x = o.y + 1
    del o.y
    return o.method(1, k=2)


def f_globals():
    global G
    G = G + 1
    del G
    G = 5
    return G


REAL = [f_arith, f_float, f_loop, f_while, f_exceptions, f_with, f_closure, f_calls, f_build, f_match,
        f_unpack_and_compare, f_globals, f_attrs]


class _Obj:
    y = 1

    def method(self, a, k):
        return a + k


def _warm():
    """Quicken the functions, so the builder sees type feedback (and the specialising pass acts)."""
    for _ in range(4):
        f_arith(7, 3)
        f_float(2.0, 1.0)
        f_loop(60)
        f_while([1, 2])
        f_exceptions({"a": 1}, "a")
        f_exceptions({}, "b")
        f_closure(3)
        f_calls(1, 3, 2, x=1)
        f_build(4)
        f_match([1, 2]), f_match({"k": 3}), f_match(5), f_match("s")
        f_unpack_and_compare((1, 2))
        f_globals()
        o = _Obj()
        o.y = 2
        f_attrs(o)


@pytest.mark.parametrize("func", REAL, ids=lambda f: f.__name__)
def test_verifier_accepts_ir_of_real_functions(func):
    _warm()
    fn = build(func)
    verify(fn, "after build")
    assert fn.blocks and all(b.terminator is not None for b in fn.blocks)
    run_passes(fn, {"arg_types": {}})
    verify(fn, "after passes")


def test_verifier_catches_a_corrupted_real_function():
    """The same real IR, with one consumption removed: a value is left unconsumed."""
    _warm()
    fn = build(f_arith)
    verify(fn)
    victim = next(op for op in fn.all_ops() if isinstance(op, ir.BinaryOp))
    victim.error_state = None
    message = rejected(fn)
    assert "binary_op: can raise but has no error state" in problems(message)
    fn = build(f_loop)
    last = fn.blocks[-1]
    last.ops.pop()
    message = rejected(fn)
    assert re.search(r"block @\d+ has no terminator", message), message
