"""Hypothesis strategies generating random Python functions, for differential tests of the JIT.

`programs()` draws a `Program`: the source of one function `def f(a, b, c): ...` and argument tuples
to call it with. Bodies use `+ - * / // % **` (exponents: small constants or a loop counter), unary
`-` and `~`, `& | ^ << >>` (shift counts: constants in -1..70 or a loop counter), comparisons (also
chained), `and or not`, assignments and augmented assignments to the parameters and locals x y z w,
`if/elif/else`, `for i in range(<constants>)`, counter-bounded `while`, `break`, `continue` and
`return` of an expression or a tuple of locals. Values are ints (small, near 2**30/31/62/63/64, up
to 2**300, negative), floats (+-0.0, +-inf, nan, huge, tiny, subnormal) and bools. The calls of one
program use different type mixes (e.g. ints, then floats), so type guards fail and deopt paths run.

Every generated function finishes quickly and mostly runs to its end:

* a name is only read where it is definitely assigned (no UnboundLocalError noise);
* loops run a small constant number of times, at most two deep; a `while` loop increments its
  counter first thing in its body (so `continue` cannot skip it);
* ints stay cheap: every expression carries (a, b) such that an int value of it has at most
  a*M + b bits, M bounding the bit length of every variable. An operator whose result would be too
  big becomes `+`. In loop bodies every subexpression must be at most linear in M (a <= 1), so an
  assignment in a loop adds at most trips * b bits to M. Over-budget assignments become copies.
* `& | ^ << >> ~` mostly avoid operands that are floats even when the arguments are ints, and half
  of the divisors are nonzero constants, so TypeError and ZeroDivisionError do not dominate.
"""
import math
from typing import NamedTuple

from hypothesis import strategies as st

PARAMS = "abc"
LOCALS = ("x", "y", "z", "w")
ARG_BITS = 301  # |argument| <= 2**300
LIMIT = 16384  # bit-length bound of any int stored in a variable
PEAK = 32768  # ... of any intermediate value outside loops
LOOP_PEAK_B = 512  # in loops an intermediate value has at most M + LOOP_PEAK_B bits
COUNTER_MAX = 8  # loop counters are ints in 0..8 (0..6 for range loops)

_EDGES = [2**k + d for k in (30, 31, 32, 62, 63, 64) for d in (-1, 0, 1)]
BOUNDARY_INTS = _EDGES + [-v for v in _EDGES]
SPECIAL_FLOATS = [0.0, -0.0, 1.0, -1.5, 0.5, math.inf, -math.inf, math.nan, 1e308, -1e308,
                  2.0**63, 2.0**53 + 1, 1e-300, 5e-324, 2.2250738585072014e-308]

ints = st.one_of(st.integers(-12, 12), st.sampled_from(BOUNDARY_INTS),
                 st.integers(-2**70, 2**70), st.integers(-2**300, 2**300))
floats = st.one_of(st.sampled_from(SPECIAL_FLOATS), st.floats())
ARG_KINDS = {"int": ints, "float": floats, "bool": st.booleans(), "mixed": st.one_of(ints, floats, st.booleans())}

# Literals in generated source: mostly small, sometimes extreme.
_INT_LITERALS = list(range(-3, 11)) + [255, 2**31, 2**62 - 1, 2**62, 2**63 - 1, 2**63, -2**63, 2**64, 3**150]
_FLOAT_LITERALS = [0.0, -0.0, 0.5, 1.5, -2.25, 1e300, 1e-300, 5e-324, math.inf, -math.inf]
_DIVISORS = [3, 2, -1, 7, 10, -5, 1000, 2**31, 2**62, 2**64 + 1, 0.5, -2.5, 1e-300, 1e300]
_SHIFTS = [0, 1, 2, 3, 7, 8, 31, 32, 33, 62, 63, 64, 65, 70, -1]
_EXPONENTS = [2, 0, 1, 3, 4, 5, -1, -2]
BINOPS = ["+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^"]
INT_ONLY = ("<<", ">>", "&", "|", "^")
CMPOPS = ["<", "<=", ">", ">=", "==", "!="]


class Expr(NamedTuple):
    text: str  # fully parenthesised source
    a: int = 0  # an int value of the expression has at most a*M + b bits
    b: int = 1
    flt: bool = False  # may be a float even when all arguments are ints (TypeError for `&` etc.)


def const(v):
    """A literal; negative values, -0.0 and -inf come out parenthesised, inf as 1e309."""
    text = ("1e309" if v > 0 else "(-1e309)") if v in (math.inf, -math.inf) else repr(v)
    text = f"({text})" if text.startswith("-") else text
    return Expr(text, 0, abs(v).bit_length() + 1 if type(v) is int else 1, type(v) is float)


class Program:
    """A generated function's source text and the argument tuples to call it with, in order."""

    def __init__(self, source, calls):
        self.source, self.calls = source, calls

    def __repr__(self):  # ready to paste into a regression test
        calls = repr(self.calls).replace("nan", "math.nan").replace("inf", "math.inf")
        return f"Program(source='''\\\n{self.source}''',\n    calls={calls})"


class _Builder:
    """Draws one function body, statement by statement, tracking definedness and int bounds."""

    def __init__(self, draw, nparams):
        self.draw = draw
        self.params = list(PARAMS[:nparams])
        self.defined = list(self.params)  # names definitely assigned here (loop counters excluded)
        self.counters = []  # loop counters in scope
        self.floaty = set()  # names that were assigned a float-typed expression
        self.bits = ARG_BITS  # M: bit-length bound of every int variable
        self.trips = 1  # product of the trip counts of the enclosing loops
        self.loops = 0  # loop nesting depth
        self.indent = 1
        self.budget = draw(st.integers(1, 14))  # statements left to generate
        self.lines = [f"def f({', '.join(self.params)}):"]

    def choice(self, seq):
        return self.draw(st.sampled_from(seq))

    def emit(self, line):
        self.lines.append("    " * self.indent + line)

    # -- expressions ---------------------------------------------------------------------------
    def fits(self, a, b):
        if self.trips > 1:
            return a <= 1 and b <= LOOP_PEAK_B
        return a * self.bits + b <= PEAK

    def var(self, name):
        return Expr(name, 1, 0, name in self.floaty)

    def leaf(self):
        kind = self.choice(["var", "var", "const"] + ["counter"] * bool(self.counters))
        if kind == "var":
            return self.var(self.choice(self.defined))
        if kind == "counter":
            return Expr(self.choice(self.counters), 0, 5)
        return const(self.draw(st.one_of(st.sampled_from(_INT_LITERALS), st.sampled_from(_FLOAT_LITERALS),
                                         st.booleans())))

    def small_operand(self, choices):
        """Exponent or shift count: a constant or a loop counter; returns (Expr, max value)."""
        if self.counters and self.draw(st.booleans()):
            return Expr(self.choice(self.counters), 0, 5), COUNTER_MAX
        v = self.choice(choices)
        return const(v), v

    def binop(self, op, left, depth):
        """`left op <right>`: returns (op, right, result). Growth that does not fit becomes `+`."""
        n = 0
        if op in ("**", "<<", ">>"):
            right, n = self.small_operand(_EXPONENTS if op == "**" else _SHIFTS)
        elif op in ("/", "//", "%") and self.draw(st.booleans()):  # fewer ZeroDivisionErrors
            right = const(self.choice(_DIVISORS))
        else:
            right = self.expr(depth)
        if op in INT_ONLY and (left.flt or right.flt):
            op = self.choice(["+", "-", "*", op])  # mostly avoid a certain TypeError
        a, b = {"*": (left.a + right.a, left.b + right.b), "/": (0, 1),
                "**": (left.a * n, left.b * n) if n > 0 else (0, 1),
                "<<": (left.a, left.b + max(n, 0)), ">>": (left.a, left.b + 1), "//": (left.a, left.b + 1),
                "%": (right.a, right.b),  # |x % y| < |y|
                }.get(op, (max(left.a, right.a), max(left.b, right.b) + 1))  # + - & | ^
        if not self.fits(a, b):
            op, a, b = "+", max(left.a, right.a), max(left.b, right.b) + 1
        flt = left.flt or right.flt or op == "/" or (op == "**" and n < 0)
        return op, right, Expr(f"({left.text} {op} {right.text})", a, b, flt)

    def expr(self, depth=None):
        """A random expression over the names in scope, at most `depth` operators deep."""
        if depth is None:
            depth = self.draw(st.integers(0, 3))
        if depth <= 0:
            return self.leaf()
        kind = self.choice(["binop", "binop", "binop", "leaf", "unary", "compare", "boolop", "not"])
        if kind == "leaf":
            return self.leaf()
        if kind == "binop":
            return self.binop(self.choice(BINOPS), self.expr(depth - 1), depth - 1)[2]
        if kind == "unary":
            e = self.expr(depth - 1)
            op = self.choice(["-", "-", "-", "~"] if e.flt else ["-", "~"])
            return Expr(f"({op}{e.text})", e.a, e.b + 1, e.flt)
        if kind == "not":
            return Expr(f"(not {self.expr(depth - 1).text})")
        parts = [self.expr(depth - 1) for _ in range(self.draw(st.integers(2, 3)))]
        if kind == "compare":
            return Expr("(" + parts[0].text + "".join(f" {self.choice(CMPOPS)} {p.text}" for p in parts[1:]) + ")")
        text = f" {self.choice(['and', 'or'])} ".join(p.text for p in parts)
        return Expr(f"({text})", max(p.a for p in parts), max(p.b for p in parts), any(p.flt for p in parts))

    # -- statements ------------------------------------------------------------------------
    def grow(self, e):
        """Account for storing the value of `e` in a variable; False if it may get too big."""
        a, b = e.a, e.b
        if self.trips == 1:
            new = max(self.bits, a * self.bits + b)
        elif a == 0:
            new = max(self.bits, b)
        elif a == 1:
            new = self.bits + self.trips * b  # at most b more bits per execution
        else:
            return False
        if new > LIMIT:
            return False
        self.bits = new
        return True

    def assign(self):
        target = self.choice(list(LOCALS) + self.params)
        e = self.expr()
        if not self.grow(e):
            e = self.var(self.choice(self.defined))  # a plain copy never grows M
        self.emit(f"{target} = {e.text}")
        if e.flt:
            self.floaty.add(target)
        if target not in self.defined:
            self.defined.append(target)

    def augassign(self):
        target = self.choice(self.defined)
        left = self.var(target)
        op, right, e = self.binop(self.choice(BINOPS), left, self.draw(st.integers(0, 2)))
        if not self.grow(e):
            op, right, e = "-", Expr("1"), left
            self.bits += self.trips
        self.emit(f"{target} {op}= {right.text}")
        if e.flt:
            self.floaty.add(target)

    def nested(self, *, trips=1, counter=None):
        """Generate an indented block; restore definedness (and leave loop state) afterwards."""
        saved = (list(self.defined), list(self.counters), self.trips)
        self.indent += 1
        if counter:
            self.counters.append(counter)
            self.trips *= trips
            self.loops += 1
        self.block(self.draw(st.integers(1, 3)))
        if counter:
            self.loops -= 1
        self.indent -= 1
        branch_defined = self.defined
        self.defined, self.counters, self.trips = saved
        return branch_defined

    def if_stmt(self):
        keyword, branches = "if", []
        for _ in range(self.draw(st.integers(1, 3))):
            self.emit(f"{keyword} {self.expr().text}:")
            branches.append(self.nested())
            keyword = "elif"
        if self.draw(st.booleans()):
            self.emit("else:")
            branches.append(self.nested())
            # Assigned on every path: defined after the whole statement.
            self.defined += [n for n in branches[0] if n not in self.defined and all(n in b for b in branches)]

    def for_stmt(self):
        start, stop, step = self.choice([(0, 4, 1), (0, 0, 1), (1, 6, 1), (-3, 3, 2), (5, -1, -1), (0, 6, 1)])
        counter = f"i{self.loops}"
        args = f"{stop}" if (start, step) == (0, 1) else f"{start}, {stop}" + (f", {step}" if step != 1 else "")
        self.emit(f"for {counter} in range({args}):")
        self.nested(trips=max(len(range(start, stop, step)), 1), counter=counter)

    def while_stmt(self):
        counter, bound = f"k{self.loops}", self.draw(st.integers(1, 6))
        self.emit(f"{counter} = 0")
        cond = f"{counter} < {bound}"
        if self.draw(st.booleans()):
            self.trips *= bound + 1  # the condition runs once more than the body
            cond += f" and {self.expr().text}"
            self.trips //= bound + 1
        self.emit(f"while {cond}:")
        self.emit(f"    {counter} += 1")  # first thing in the body: `continue` cannot skip it
        self.nested(trips=bound, counter=counter)

    def return_stmt(self):
        local = [n for n in self.defined if n in LOCALS]
        if local and self.draw(st.booleans()):
            names = self.draw(st.lists(st.sampled_from(local), min_size=1, max_size=4))
            self.emit(f"return ({', '.join(names)},)")
        else:
            self.emit(f"return {self.expr().text}")

    def statement(self):
        """Emit one statement; True if it is a jump (the rest of the block would be dead)."""
        self.budget -= 1
        kinds = ["assign"] * 4 + ["augassign"] * 3 + ["return"]
        if self.budget > 0 and self.indent < 4:  # compound statements only while budget remains
            kinds += ["if", "if"] + (["for", "while"] if self.loops < 2 else [])
        if self.loops:
            kinds += ["break", "continue"]
        kind = self.choice(kinds)
        if kind in ("break", "continue"):
            self.emit(kind)
            return True
        {"assign": self.assign, "augassign": self.augassign, "if": self.if_stmt, "for": self.for_stmt,
         "while": self.while_stmt, "return": self.return_stmt}[kind]()
        return kind == "return"

    def block(self, n):
        """Emit 1..n statements (at least one, even over budget); True if it ends with a jump."""
        for i in range(n):
            if i and self.budget <= 0:
                break
            if self.statement():
                return True
        return False


@st.composite
def programs(draw, max_calls=5):
    """A random function `f` (see the module docstring) and argument tuples to call it with."""
    nparams = draw(st.integers(1, len(PARAMS)))
    builder = _Builder(draw, nparams)
    if not builder.block(draw(st.integers(1, 6))):
        builder.return_stmt()
    first_kind = draw(st.sampled_from(["int", "int", "float", "bool", "mixed"]))
    kinds = [first_kind] + draw(st.lists(st.sampled_from(list(ARG_KINDS)), min_size=1, max_size=max_calls - 1))
    calls = [draw(st.tuples(*[ARG_KINDS[k]] * nparams)) for k in kinds]
    return Program("\n".join(builder.lines) + "\n", calls)
