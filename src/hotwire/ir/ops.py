"""The IR's operations: one small final class per op, declared once, with the properties every pass,
the printer, the verifier and the LLVM lowering read from the class itself.

Values are SSA: every op that produces something is itself the value. Each value has a representation:
  obj   a PyObject* owned reference (may be NULL only where `maybe_null` is set, e.g. PUSH_NULL),
  i64   an unboxed int known to fit in 64 bits,
  f64   an unboxed float,
  bool  an i1 truth value,
  void  no value.

Ownership follows the interpreter's value stack, which the IR builder removes: an `obj` value is owned by
exactly one consumer. An op marked `steals` consumes its obj operands (its lowering releases them, as
CPython's instructions do with DECREF_INPUTS); other ops borrow them and some later op (often an explicit
`DecRef`) consumes them. The verifier checks that every obj value is consumed exactly once.

Ops that can fail carry an `error_state`: where the interpreter resumes with the exception set (the
instruction's offset and the stack below its inputs). Ops that can leave compiled code on purpose
(guards, `Deopt`) carry a `deopt_state`: the instruction's offset and the full stack before it, from which
the interpreter re-executes that instruction. See docs/architecture.md.
"""
import types
from dataclasses import dataclass

OBJ, I64, F64, BOOL, VOID = "obj", "i64", "f64", "bool", "void"


@dataclass
class FrameState:
    """Where the interpreter takes over: bytecode offset, and the values that form its stack there."""
    offset: int
    stack: list

    def __str__(self):
        return "@%d[%s]" % (self.offset, ", ".join(v.ref() for v in self.stack))


def stable_repr(v):
    """repr without memory addresses, so that the IR text is the same on every run."""
    if isinstance(v, types.CodeType):
        return f"<code {v.co_qualname}>"
    text = repr(v)
    if " at 0x" in text:
        return f"<{type(v).__name__} {getattr(v, '__qualname__', '')}>".replace(" >", ">")
    return text


class Value:
    """Something an op can use as an operand: an op's result or a block parameter."""
    type = OBJ
    maybe_null = False
    known_type = None   # exact Python type when statically known (e.g. the result of a float box)
    id = None

    def ref(self):
        return "v?" if self.id is None else "v%d" % self.id


class Placeholder(Value):
    """Stands for a value a terminator passes along one edge (FOR_ITER's next item)."""


class BlockParam(Value):
    def __init__(self, block, type=OBJ, maybe_null=False):
        self.block = block
        self.type = type
        self.maybe_null = maybe_null


class Op(Value):
    """Base of every op. Subclasses are final; they set the class attributes below."""
    name = "?"
    type = VOID
    steals = False        # consumes its obj operands
    can_raise = False     # may fail with an exception set (needs error_state)
    can_deopt = False     # may hand control to the interpreter (needs deopt_state)
    is_terminator = False
    has_side_effects = True
    attrs = ()            # names of non-operand attributes shown by the printer

    def __init__(self, *operands, **kw):
        self.operands = list(operands)
        self.block = None
        self.error_state = None
        self.deopt_state = None
        self.line = None
        for k, v in kw.items():
            setattr(self, k, v)

    def attr_text(self):
        parts = []
        for a in self.attrs:
            v = getattr(self, a)
            parts.append(v if isinstance(v, str) else stable_repr(v))
        return "[%s]" % ", ".join(parts) if parts else ""

    def successors(self):
        return []


def op(name, type=VOID, steals=False, can_raise=False, can_deopt=False, pure=False, attrs=(),
       maybe_null=False):
    """Declare an op class in one line, so the table of ops reads as a table."""
    def deco(cls):
        cls.name = name
        cls.type = type
        cls.steals = steals
        cls.can_raise = can_raise
        cls.can_deopt = can_deopt
        cls.has_side_effects = not pure
        cls.attrs = attrs
        cls.maybe_null = maybe_null
        OPS[name] = cls
        return cls
    return deco


OPS = {}

# ---- constants, locals, globals, cells -------------------------------------------------------------


@op("const", OBJ, pure=True, attrs=("value",))
class LoadConst(Op): pass


@op("null", OBJ, pure=True, maybe_null=True)
class Null(Op): pass


@op("load_local", OBJ, can_deopt=True, attrs=("index", "checked"))
class LoadLocal(Op):
    """New reference to a fast local. When `checked`, an unbound local deopts (the interpreter raises)."""


@op("borrow_local", OBJ, pure=True, attrs=("index",))
class BorrowLocal(Op):
    """The object in a fast local, borrowed: only for immediate unboxing with no store in between."""


@op("take_local", OBJ, maybe_null=True, attrs=("index",))
class TakeLocal(Op):
    """LOAD_FAST_AND_CLEAR: the local's reference (maybe NULL) moves to the stack; the slot is cleared."""


@op("store_local", VOID, steals=True, attrs=("index",))
class StoreLocal(Op): pass


@op("store_local_f64", VOID, attrs=("index",))
class StoreLocalF64(Op):
    """Store an unboxed float; reuses the float object already in the slot when nothing else holds it."""


@op("store_local_i64", VOID, can_raise=True, attrs=("index",))
class StoreLocalI64(Op):
    """Store an unboxed int: into the int object already in the slot when nothing else holds it and
    both fit in one digit, else as a new int (the shared small ints for -5..256, as CPython does).
    Fails only when a new int cannot be allocated."""


@op("delete_local", VOID, can_deopt=True, attrs=("index",))
class DeleteLocal(Op): pass


@op("load_global", OBJ, can_deopt=True, attrs=("symbol",))
class LoadGlobal(Op):
    """Globals then builtins, through a cache cell kept current by dict watchers; missing deopts."""


@op("store_global", VOID, steals=True, can_raise=True, attrs=("symbol",))
class StoreGlobal(Op): pass


@op("load_name", OBJ, can_raise=True, can_deopt=True, attrs=("symbol",))
class LoadName(Op):
    """LOAD_NAME (module-level code, entered by on-stack replacement): the frame's f_locals dict, then
    globals, then builtins; a missing name, or f_locals that is not an exact dict, deopts (the
    interpreter raises NameError or asks the mapping)."""


@op("store_name", VOID, steals=True, can_raise=True, can_deopt=True, attrs=("symbol",))
class StoreName(Op):
    """STORE_NAME into the frame's f_locals when it is an exact dict; else deopts."""


@op("delete_global", VOID, can_deopt=True, attrs=("symbol",))
class DeleteGlobal(Op): pass


@op("load_deref", OBJ, can_deopt=True, attrs=("index",))
class LoadDeref(Op): pass


@op("store_deref", VOID, steals=True, attrs=("index",))
class StoreDeref(Op): pass


@op("make_cell", VOID, can_raise=True, attrs=("index",))
class MakeCell(Op): pass


@op("copy_free_vars", VOID, attrs=("count",))
class CopyFreeVars(Op): pass


# ---- generic object operations (C-API calls) --------------------------------------------------------


@op("binary_op", OBJ, steals=True, can_raise=True, attrs=("oper",))
class BinaryOp(Op): pass


@op("compare", OBJ, steals=True, can_raise=True, attrs=("oper",))
class Compare(Op): pass


@op("unary", OBJ, steals=True, can_raise=True, attrs=("oper",))
class Unary(Op): pass


@op("is", BOOL, steals=True, attrs=("invert",))
class Is(Op): pass


@op("contains", BOOL, steals=True, can_raise=True, attrs=("invert",))
class Contains(Op): pass


@op("dup", OBJ)
class Dup(Op):
    """A new reference to the same object (COPY)."""


@op("not", BOOL, pure=True)
class Not(Op): pass


@op("truthy", BOOL, steals=True, can_raise=True)
class Truthy(Op): pass


@op("get_attr", OBJ, steals=True, can_raise=True, attrs=("symbol",))
class GetAttr(Op):
    feedback = None   # frontend/attr_feedback.AttrFeedback: tier 0's inline cache, if it helps


@op("load_super_attr", OBJ, steals=True, can_raise=True, attrs=("symbol", "nargs"))
class LoadSuperAttr(Op):
    """LOAD_SUPER_ATTR as tier 0's unspecialised form runs it: `super(class, self)` (nargs 2) or
    `super()` (nargs 0, which reads the running frame: compiled code runs on a real one), then the
    attribute of that super object. Operands: the global `super`, the class, self."""


@op("load_method", OBJ, steals=True, can_raise=True, attrs=("symbol",))
class LoadMethod(Op):
    """_PyObject_GetMethod: the result is a pair read through `method_func`/`method_self`."""
    feedback = None


@op("method_func", OBJ, pure=True, maybe_null=True)
class MethodFunc(Op):
    """The stack slot below: the unbound method, or NULL when the attribute is not a method."""


@op("method_self", OBJ, pure=True)
class MethodSelf(Op):
    """The stack slot on top: self when a method was found, else the attribute itself."""


@op("set_attr", VOID, steals=True, can_raise=True, attrs=("symbol",))
class SetAttr(Op):
    feedback = None


@op("del_attr", VOID, steals=True, can_raise=True, attrs=("symbol",))
class DelAttr(Op): pass


@op("get_item", OBJ, steals=True, can_raise=True)
class GetItem(Op): pass


@op("set_item", VOID, steals=True, can_raise=True)
class SetItem(Op): pass


@op("del_item", VOID, steals=True, can_raise=True)
class DelItem(Op): pass


@op("build_slice", OBJ, steals=True, can_raise=True)
class BuildSlice(Op): pass


@op("call", OBJ, steals=True, can_raise=True, attrs=("kwnames",))
class Call(Op):
    """operands: callable, self_or_null, *args. kwnames is a tuple constant or None."""


@op("call_pure", F64, steals=True, can_raise=True, can_deopt=True, attrs=("callee",))
class CallPure(Op):
    """A call of a global function that runs frameless (backend/pure_clone.py): operands as `call`
    (null, callable, arguments). While the callable is `callee` and the arguments are small ints, the
    clone `plan` computes the result, unboxed (`type` is i64 or f64, set per op); otherwise, or when
    the clone gives up, the real call runs. If that returns something the unboxed result cannot
    hold, the interpreter resumes *after* the call with the object pushed: `deopt_state` is that
    resumption (the next instruction, and the stack below the call)."""


@op("call_ex", OBJ, steals=True, can_raise=True, can_deopt=True)
class CallEx(Op):
    """operands: callable, args, kwargs-or-null. Deopts unless args is a tuple and kwargs a dict."""


@op("build_tuple", OBJ, steals=True, can_raise=True)
class BuildTuple(Op): pass


@op("build_list", OBJ, steals=True, can_raise=True)
class BuildList(Op): pass


@op("build_set", OBJ, steals=True, can_raise=True)
class BuildSet(Op): pass


@op("build_map", OBJ, steals=True, can_raise=True)
class BuildMap(Op):
    """operands: key0, value0, key1, value1, ..."""


@op("build_const_key_map", OBJ, steals=True, can_raise=True)
class BuildConstKeyMap(Op):
    """operands: value0, ..., valueN-1, keys-tuple."""


@op("build_string", OBJ, steals=True, can_raise=True)
class BuildString(Op): pass


@op("list_append", VOID, can_raise=True)
class ListAppend(Op):
    """operands: list (borrowed), item (consumed)."""


@op("set_add", VOID, can_raise=True)
class SetAdd(Op): pass


@op("map_add", VOID, can_raise=True)
class MapAdd(Op): pass


@op("container_update", VOID, can_raise=True, can_deopt=True, attrs=("kind",))
class ContainerUpdate(Op):
    """LIST_EXTEND/SET_UPDATE/DICT_UPDATE/DICT_MERGE with an exact list/tuple/set/dict argument;
    anything else deopts so that the interpreter produces its exact error messages."""


@op("list_to_tuple", OBJ, steals=True, can_raise=True)
class ListToTuple(Op): pass


@op("unpack", OBJ, can_deopt=True, attrs=("count", "before", "after"))
class Unpack(Op):
    """UNPACK_SEQUENCE / UNPACK_EX of an exact tuple or list of the right length; else deopts.
    Consumes the sequence. Results are read with `unpack_item`."""


@op("unpack_item", OBJ, pure=True, attrs=("index",))
class UnpackItem(Op): pass


@op("format", OBJ, steals=True, can_raise=True, attrs=("conversion",))
class Format(Op):
    """FORMAT_VALUE. operands: value, spec-or-null."""


@op("str_of", OBJ, steals=True, can_raise=True)
class StrOf(Op):
    """`str(x)` by a call whose callable is not known in advance. operands: null, callable, x (an
    obj, or an i64 known to be an exact int). When the callable is the str type: an exact int's
    decimal digits are written straight into a new str, anything else is PyObject_Str(x), which is
    what str(x) does; any other callable is called."""


@op("len_of", I64, steals=True, can_raise=True, can_deopt=True)
class LenOf(Op):
    """`len(x)` by a call whose callable is not known in advance, as an i64. operands: null,
    callable, x. When the callable is the builtin len and x an exact str, list, tuple, dict or
    bytes: its length, read from the object. Otherwise the call runs; an exact int result that fits
    is unboxed, anything else is handed to the interpreter *after* the call with the object pushed
    (`deopt_state` is that resumption: the next instruction and the stack below the call)."""


@op("sum_of", OBJ, steals=True, can_raise=True)
class SumOf(Op):
    """`sum(x)` by a call whose callable is not known in advance. operands: null, callable, x. When
    the callable is the builtin sum and x an exact itertools.repeat of an exact float or int (a
    finite number of times), or an exact list or tuple of exact floats or of exact ints: the result
    sum's own loop would give, computed without an iterator (the same float additions in the same
    order; ints added in 64 bits, a repeat's as a product), and a repeat left exhausted as sum leaves
    it; any other callable or argument, or an int sum past 64 bits, is called."""


@op("percent_format", OBJ, steals=True, can_raise=True, attrs=("pieces",))
class PercentFormat(Op):
    """`"...%d..." % (a, b, ...)` with a constant format of ASCII text and %d/%s conversions only:
    operands are the tuple's items (objs, or i64s known to be exact ints). When each item is an exact
    int, the text and the items' decimal digits are written straight into a new str; otherwise the
    tuple is built and the format applied as the interpreter does. `pieces`: the text around the
    conversions, one more than the items."""


@op("make_function", OBJ, steals=True, can_raise=True, attrs=("flags",))
class MakeFunction(Op):
    """operands: code, then defaults/kwdefaults/annotations/closure as the flags say."""


@op("get_iter", OBJ, steals=True, can_raise=True)
class GetIter(Op): pass


# ---- specialised operations -------------------------------------------------------------------------


@op("guard_type", VOID, can_deopt=True, attrs=("pytype",))
class GuardType(Op):
    """Deopt unless type(operand) is exactly `pytype`. Borrows its operand."""


@op("f64_const", F64, pure=True, attrs=("value",))
class F64Const(Op): pass


@op("i64_const", I64, pure=True, attrs=("value",))
class I64Const(Op): pass


@op("unbox_float", F64, pure=True)
class UnboxFloat(Op): pass


@op("unbox_as_float", F64, can_deopt=True)
class UnboxAsFloat(Op):
    """The double value of an exact float, or of an exact int of at most one digit (exactly
    representable); deopts on anything else. Only for the operand of a float operation whose other
    operand is known to be a float: Python converts the int exactly so, and the result is a float."""


@op("unbox_int", I64, can_deopt=True)
class UnboxInt(Op):
    """Read an exact int known by a guard; deopts if it does not fit in 64 bits."""


@op("box_float", OBJ, can_raise=True)
class BoxFloat(Op): pass


@op("box_int", OBJ, can_raise=True)
class BoxInt(Op): pass


@op("box_bool", OBJ, pure=True)
class BoxBool(Op): pass


@op("int_to_float", F64, pure=True)
class IntToFloat(Op): pass


@op("decref", VOID)
class DecRef(Op): pass


@op("float_op", F64, pure=True, attrs=("oper",))
class FloatOp(Op):
    """+ - * on doubles (division needs a zero check: `float_div`)."""


@op("float_neg", F64, pure=True)
class FloatNeg(Op):
    """-x on a double (a sign flip: -0.0 stays exact)."""


@op("float_div", F64, can_deopt=True)
class FloatDiv(Op): pass


@op("float_pow", F64, can_deopt=True)
class FloatPow(Op):
    """x ** y for a positive finite x and a finite y with a finite result; every other case (zero or
    negative bases, complex results, OverflowError) deopts to the interpreter."""


@op("int_op", I64, can_deopt=True, attrs=("oper",))
class IntOp(Op):
    """Int arithmetic on int64; overflow beyond 64 bits (and division by zero) deopts."""


@op("float_compare", BOOL, pure=True, attrs=("oper",))
class FloatCompare(Op): pass


@op("int_compare", BOOL, pure=True, attrs=("oper",))
class IntCompare(Op): pass


@op("list_get", OBJ, can_deopt=True)
class ListGet(Op):
    """list[i] for an exact list and an i64 index; out of range deopts. Borrows the list."""


@op("list_set", VOID, can_deopt=True)
class ListSet(Op):
    """list[i] = v for an exact list and an i64 index; out of range deopts. Consumes v only."""


@op("list_set_f64", VOID, can_deopt=True)
class ListSetF64(Op):
    """list[i] = <unboxed float>: overwrites the float already there when the list holds the only
    reference to it (no one can observe the difference), else stores a new float object."""


@op("tuple_get", OBJ, can_deopt=True)
class TupleGet(Op): pass


@op("check_eval_breaker", VOID, can_raise=True, can_deopt=True)
class CheckEvalBreaker(Op):
    """At loop back edges: run signal handlers and pending calls, let other threads take the GIL. What
    only the interpreter can do (a scheduled garbage collection, an asynchronous exception) deopts to
    its JUMP_BACKWARD, which does it."""


@op("check_monitoring", VOID, can_deopt=True)
class CheckMonitoring(Op):
    """At each line start of code compiled with line entries (module code): when a sys.monitoring
    tool other than hotwire's is on (the program started a tracer or debugger, `breakpoint()` at
    module level), the rest of the code runs in the interpreter from this line, which sends the
    events compiled code does not."""


# ---- terminators ------------------------------------------------------------------------------------


class Terminator(Op):
    is_terminator = True

    def __init__(self, *operands, targets=(), args=(), **kw):
        super().__init__(*operands, **kw)
        self.targets = list(targets)
        self.args = [list(a) for a in args]  # per target, the values passed as block arguments

    def successors(self):
        return self.targets


@op("jump")
class Jump(Terminator): pass


@op("branch")
class Branch(Terminator):
    """operands: a bool. targets: (if true, if false)."""


@op("for_iter", can_raise=True)
class ForIter(Terminator):
    """operands: the iterator (borrowed). targets: (next value available, exhausted). On the first
    edge the next value is passed as the last block argument; on the second the iterator is released."""


@op("for_range", can_deopt=True)
class ForRange(Terminator):
    """FOR_ITER specialised on a range iterator; deopts when the iterator is anything else."""


@op("for_list", can_deopt=True)
class ForList(Terminator):
    """FOR_ITER specialised on a list iterator; deopts when the iterator is anything else."""


@op("return", steals=True, attrs=("offset",))
class Return(Terminator):
    """`offset` is the RETURN instruction's: when the frame must be finished by the interpreter (a
    frame object or f_locals exists), the value is handed over there. `value_on_stack` is False for
    RETURN_CONST, which the interpreter re-executes without a stack value."""


@op("deopt", can_deopt=True, attrs=("reason",))
class Deopt(Terminator):
    """Hand the frame to the interpreter at deopt_state; it runs the rest of this call."""
