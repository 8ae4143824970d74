"""Hypothesis strategies generating whole random Python programs, for differential tests of the JIT.

tests/genfuncs.py draws arithmetic functions; `programs()` here draws programs that exercise the rest
of the language the JIT compiles: a class `C` (instance attributes, a property, a classmethod and a
staticmethod, a random subset of the dunders `__add__ __eq__ __hash__ __lt__ __len__ __bool__
__getitem__ __iter__ __contains__ __call__ __repr__`, methods with random bodies) and its subclass `D`
(overrides calling `super()`), an exception class, a context manager class (which may swallow the
exception), a module-level dict, a closure factory with `nonlocal`, and functions `f0`, `f1` ...
with random statement bodies (calling earlier functions with positional, keyword or starred
arguments; `raise ... from` in handlers), called by `main()` with several argument tuples.

Values are typed while they are drawn (int, str, list of ints, dict of str to int, C or D instance,
bool conditions), so most operations succeed, and errors come from chosen operations: division by a
value that may be zero, indexing out of range, missing keys, `int()` of a non-number, `raise` under a
condition. `main()` catches every exception a call raises and prints its type and message, and for
one call in each program its whole traceback (line and column markers included). Everything the
program prints is deterministic: no default reprs with addresses, no sets printed, no ids.

Every generated program finishes quickly: loops run over small ranges or lists; ints are stored
modulo a constant, strings and lists sliced to a short length when assigned; no function calls
itself or a later one; method and property bodies do not call methods or read the property.

The source is a complete program (run as __main__ it calls main() three times), ready to be saved as
a differential-corpus program.
"""
from hypothesis import strategies as st

INT, STR, LIST, DICT, OBJ = "int", "str", "list", "dict", "obj"
VALUE_TYPES = (INT, STR, LIST, DICT, OBJ)
DUNDERS = ("__add__", "__eq__", "__lt__", "__len__", "__bool__", "__getitem__", "__iter__",
           "__contains__", "__call__")
EXCEPTIONS = "(ZeroDivisionError, IndexError, KeyError, ValueError, TypeError, AppError)"
MODULI = (7, 97, 1000003, 2**31 - 1, 2**62, 2**64 + 13)
WORDS = ("", "a", "ab", "xyz", "Hello", "a,b,c", " pad ", "42", "-7", "ünï", "x" * 20)
KEYS = ("a", "b", "key", "zz")
FORMAT_SPECS = ("", ">6", "<4", "^7", "06", "+", ",", "x", "#x", "b", "_")
STR_SPECS = ("", ">6", "<4", "^9", ".2", "*^8")
MAX_STR, MAX_LIST = 40, 12


class Program:
    """A generated program's source; main() prints everything it does."""

    def __init__(self, source):
        self.source = source

    def __repr__(self):  # ready to paste into tests/corpus/
        return f"Program(source='''\\\n{self.source}''')"


class _Scope:
    """The names a body may read, with their types; `loops` counts the enclosing loops."""

    def __init__(self, names, in_method=False):
        self.names = dict(names)
        self.in_method = in_method
        self.loops = 0
        self.closures = []  # local functions int -> int

    def child(self):
        inner = _Scope(self.names, self.in_method)
        inner.loops, inner.closures = self.loops, list(self.closures)
        return inner

    def of(self, type_):
        return [n for n, t in self.names.items() if t == type_]


class _Gen:
    """Draws the parts of one program; `features` are the dunders class C defines."""

    def __init__(self, draw):
        self.draw = draw
        self.features = set()
        self.functions = []  # (name, parameter types) of the functions defined so far
        self.fresh = 0
        self.lines = []
        self.indent = 0

    # -- helpers ---------------------------------------------------------------------------
    def choice(self, seq):
        return self.draw(st.sampled_from(seq))

    def chance(self, p):
        return self.draw(st.integers(0, 99)) < p * 100

    def emit(self, line):
        self.lines.append("    " * self.indent + line if line else "")

    def new_name(self, prefix):
        self.fresh += 1
        return f"{prefix}{self.fresh}"

    # -- expressions -----------------------------------------------------------------------
    def expr(self, type_, scope, depth=2):
        """An expression of `type_` over the names in `scope`."""
        names = scope.of(type_)
        if depth <= 0 or self.chance(0.2):
            if names and self.chance(0.7):
                return self.choice(names)
            return self.literal(type_)
        return getattr(self, "expr_" + type_)(scope, depth - 1)

    def literal(self, type_):
        if type_ == INT:
            big = st.sampled_from([255, 2**31, 2**63 - 1, -2**63, 10**20])
            return repr(self.draw(st.one_of(st.integers(-5, 12), big)))
        if type_ == STR:
            return repr(self.choice(WORDS))
        if type_ == LIST:
            return repr(self.draw(st.lists(st.integers(-3, 9), max_size=5)))
        if type_ == DICT:
            return repr(self.draw(st.dictionaries(st.sampled_from(KEYS), st.integers(-3, 9), max_size=3)))
        return f"{self.choice(['C', 'D'])}({self.literal(INT)}, {self.literal(STR)})"

    def expr_int(self, scope, d):
        e = self.expr
        options = [
            lambda: f"({e(INT, scope, d)} {self.choice(['+', '-', '*', '//', '%', '&', '|', '^'])} {e(INT, scope, d)})",
            lambda: f"({e(INT, scope, d)} {self.choice(['//', '%'])} {self.choice(['3', '-2', '7', '1000'])})",
            lambda: f"-{e(INT, scope, d)}",
            lambda: f"len({e(self.choice([STR, LIST, DICT]), scope, d)})",
            lambda: f"{e(LIST, scope, d)}[{self.index(scope)}]",
            lambda: f"{e(DICT, scope, d)}[{self.literal_key()}]",
            lambda: f"{e(DICT, scope, d)}.get({self.literal_key()}, {e(INT, scope, d)})",
            lambda: f"sum({e(LIST, scope, d)})",
            lambda: f"max({e(LIST, scope, d)}, default={e(INT, scope, d)})",
            lambda: f"({e(INT, scope, d)} if {self.cond(scope, d)} else {e(INT, scope, d)})",
            lambda: f"{e(STR, scope, d)}.find({self.literal(STR)})",
            lambda: f"{e(STR, scope, d)}.count({self.choice(['a', 'x', ','])!r})",
            lambda: f"int({e(STR, scope, d)})",
            lambda: f"abs({e(INT, scope, d)})",
            lambda: f"{e(OBJ, scope, d)}.x",
            lambda: f"C.twice({e(INT, scope, d)})",
            lambda: f"divmod({e(INT, scope, d)}, {self.choice(['3', '-4', '10'])})[{self.choice(['0', '1'])}]",
            lambda: f"sorted({e(LIST, scope, d)}, key=lambda v: -v)[0]",
            lambda: f"round({e(INT, scope, d)} / {self.choice(['3', '7', '0.5'])})",
        ]
        if not scope.in_method:
            options.append(lambda: f"{e(OBJ, scope, d)}.bump({e(INT, scope, d)})")
            options.append(lambda: f"{e(OBJ, scope, d)}.size")
        if "__len__" in self.features:
            options.append(lambda: f"len({e(OBJ, scope, d)})")
        if "__call__" in self.features:
            options.append(lambda: f"{e(OBJ, scope, d)}({e(INT, scope, d)})")
        if scope.closures:
            options.append(lambda: f"{self.choice(scope.closures)}({e(INT, scope, d)})")
        if "counter" in scope.names:
            options.append(lambda: f"counter({e(INT, scope, d)})")
        return self.choice(options)()

    def expr_str(self, scope, d):
        e = self.expr
        return self.choice([
            lambda: f"({e(STR, scope, d)} + {e(STR, scope, d)})",
            lambda: f"({e(STR, scope, d)} * {self.choice(['0', '2', '3'])})",
            lambda: (f"f\"{{({e(INT, scope, d)}):{self.choice(FORMAT_SPECS)}}}|{{({e(STR, scope, d)})!r}}|"
                     f"{{({e(STR, scope, d)}):{self.choice(STR_SPECS)}}}\""),
            lambda: f"f\"{{({e(OBJ, scope, d)})}}-{{({e(LIST, scope, d)})}}\"",
            lambda: f"'%d/%s/%r' % ({e(INT, scope, d)}, {e(STR, scope, d)}, {e(STR, scope, d)})",
            lambda: f"'{{}}:{{:>4}}'.format({e(STR, scope, d)}, {e(INT, scope, d)})",
            lambda: f"{e(STR, scope, d)}.{self.choice(['upper', 'lower', 'strip', 'title', 'swapcase'])}()",
            lambda: f"{e(STR, scope, d)}.replace({self.literal(STR)}, {self.literal(STR)})",
            lambda: f"{e(STR, scope, d)}[{self.index(scope)}:{e(INT, scope, d)}]",
            lambda: f"{e(STR, scope, d)}[{self.index(scope)}]",
            lambda: f"{e(STR, scope, d)}[::{self.choice(['-1', '2', '-2'])}]",
            lambda: f"str({e(INT, scope, d)})",
            lambda: f"repr({e(OBJ, scope, d)})",
            lambda: f"{self.choice(['-', ', ', ''])!r}.join(str(v) for v in {e(LIST, scope, d)})",
            lambda: f"{self.choice(['-', '/'])!r}.join([{e(STR, scope, d)}, {e(STR, scope, d)}])",
            lambda: f"{e(STR, scope, d)}.center({self.choice(['5', '9'])}, '*')",
            lambda: f"{e(STR, scope, d)}.split(',')[{self.choice(['0', '-1', '1'])}]",
            lambda: f"{e(OBJ, scope, d)}.name",
            lambda: f"{e(OBJ, scope, d)}.kind",
            lambda: f"type({e(OBJ, scope, d)}).__name__",
        ] + ([lambda: f"{e(OBJ, scope, d)}[{self.index(scope)}]"] if "__getitem__" in self.features else []))()

    def expr_list(self, scope, d):
        e = self.expr
        options = [
            lambda: f"({e(LIST, scope, d)} + {e(LIST, scope, d)})",
            lambda: f"[{e(INT, scope, d)}, {e(INT, scope, d)}]",
            lambda: f"[v * {e(INT, scope, d)} for v in {e(LIST, scope, d)} if v % 2]",
            lambda: f"sorted({e(LIST, scope, d)}, reverse={self.choice(['True', 'False'])})",
            lambda: f"{e(LIST, scope, d)}[{e(INT, scope, d)}:]",
            lambda: f"list(range({self.choice(['3', '5', '-1'])}))",
            lambda: f"list({e(DICT, scope, d)}.values())",
            lambda: f"[len(w) for w in {e(STR, scope, d)}.split()]",
            lambda: f"[*{e(LIST, scope, d)}, {e(INT, scope, d)}]",
            lambda: f"list(map(abs, {e(LIST, scope, d)}))",
        ]
        if "__iter__" in self.features:
            options.append(lambda: f"list({e(OBJ, scope, d)})")
        return self.choice(options)()

    def expr_dict(self, scope, d):
        e = self.expr
        return self.choice([
            lambda: f"{{{self.literal_key()}: {e(INT, scope, d)}, {self.literal_key()}: {e(INT, scope, d)}}}",
            lambda: f"{{k: v for k, v in zip({e(STR, scope, d)}, {e(LIST, scope, d)})}}",
            lambda: f"dict({e(DICT, scope, d)}, {self.choice(KEYS)}={e(INT, scope, d)})",
            lambda: f"{{**{e(DICT, scope, d)}, **{e(DICT, scope, d)}}}",
        ])()

    def expr_obj(self, scope, d):
        e = self.expr
        options = [
            lambda: f"{self.choice(['C', 'D'])}({e(INT, scope, d)}, {e(STR, scope, d)})",
            lambda: f"{self.choice(['C', 'D'])}.make({e(INT, scope, d)})",
            lambda: f"min({e(OBJ, scope, d)}, {e(OBJ, scope, d)}, key=lambda o: o.x)",
        ]
        if "__add__" in self.features:
            options.append(lambda: f"({e(OBJ, scope, d)} + {e(OBJ, scope, d)})")
        return self.choice(options)()

    def index(self, scope):
        """A subscript: mostly a small constant, so that most subscripts succeed."""
        if scope.of(INT) and self.chance(0.3):
            return self.choice(scope.of(INT))
        return str(self.draw(st.integers(-3, 4)))

    def literal_key(self):
        return repr(self.choice(KEYS))

    def cond(self, scope, d=1):
        e = self.expr
        options = [
            lambda: f"{e(INT, scope, d)} {self.choice(['<', '<=', '==', '!=', '>'])} {e(INT, scope, d)}",
            lambda: f"{e(STR, scope, d)} in {e(STR, scope, d)}",
            lambda: f"{e(INT, scope, d)} in {e(LIST, scope, d)}",
            lambda: f"{self.literal_key()} in {e(DICT, scope, d)}",
            lambda: f"isinstance({e(OBJ, scope, d)}, D)",
            lambda: f"not {e(self.choice(VALUE_TYPES), scope, d)}",
            lambda: f"{e(STR, scope, d)}.startswith({self.literal(STR)})",
            lambda: f"({self.cond(scope, 0)}) {self.choice(['and', 'or'])} ({self.cond(scope, 0)})",
            lambda: f"{e(OBJ, scope, d)} == {e(OBJ, scope, d)}",
        ]
        if "__lt__" in self.features:
            options.append(lambda: f"{e(OBJ, scope, d)} < {e(OBJ, scope, d)}")
        if "__contains__" in self.features:
            options.append(lambda: f"{e(INT, scope, d)} in {e(OBJ, scope, d)}")
        return self.choice(options)()

    # -- statements ------------------------------------------------------------------------
    def clamp(self, type_, text):
        """A value to store: ints modulo a constant, strings and lists cut short (bounded growth)."""
        if type_ == INT:
            return f"({text}) % {self.choice(MODULI)}"
        if type_ == STR:
            return f"({text})[:{MAX_STR}]"
        if type_ == LIST:
            return f"({text})[:{MAX_LIST}]"
        return text

    def block(self, scope, size):
        for _ in range(size):
            self.statement(scope)

    def statement(self, scope):
        kinds = ["assign", "assign", "print", "print", "augment", "mutate", "if", "for", "try", "raise",
                 "attr", "with", "module_dict"]
        if not scope.in_method:
            kinds += ["closure", "while", "call"]
        kind = self.choice(kinds)
        if scope.loops >= 2 and kind in ("for", "while"):
            kind = "print"
        getattr(self, "stmt_" + kind)(scope)

    def stmt_assign(self, scope):
        type_ = self.choice(VALUE_TYPES)
        existing = scope.of(type_)
        name = self.choice(existing) if existing and self.chance(0.5) else self.new_name(type_[0])
        self.emit(f"{name} = {self.clamp(type_, self.expr(type_, scope))}")
        scope.names[name] = type_

    def stmt_print(self, scope):
        type_ = self.choice(VALUE_TYPES)
        self.emit(f"print({self.literal(STR)}, {self.expr(type_, scope)})")

    def stmt_augment(self, scope):
        type_ = self.choice([INT, STR, LIST])
        names = scope.of(type_)
        if not names:
            return self.stmt_assign(scope)
        name = self.choice(names)
        op = {INT: ["+=", "-=", "*=", "//=", "%=", "^="], STR: ["+="], LIST: ["+="]}[type_]
        self.emit(f"{name} {self.choice(op)} {self.expr(type_, scope, 1)}")
        self.emit(f"{name} = {self.clamp(type_, name)}")

    def stmt_mutate(self, scope):
        if scope.of(LIST) and self.chance(0.5):
            name = self.choice(scope.of(LIST))
            self.emit(self.choice([f"{name}.append({self.expr(INT, scope, 1)})",
                                   f"{name}[{self.index(scope)}] = {self.expr(INT, scope, 1)}",
                                   f"{name}.sort()", f"del {name}[:1]",
                                   f"{name}.insert(0, {self.expr(INT, scope, 1)})"]))
            self.emit(f"{name} = {name}[:{MAX_LIST}]")
        elif scope.of(DICT):
            name = self.choice(scope.of(DICT))
            self.emit(self.choice([f"{name}[{self.literal_key()}] = {self.expr(INT, scope, 1)}",
                                   f"{name}.pop({self.literal_key()}, None)",
                                   f"{name}.setdefault({self.literal_key()}, 0)"]))
        else:
            self.stmt_print(scope)

    def stmt_attr(self, scope):
        objects = scope.of(OBJ)
        if not objects:
            return self.stmt_print(scope)
        field, type_ = self.choice([("x", INT), ("name", STR)])
        self.emit(f"{self.choice(objects)}.{field} = {self.clamp(type_, self.expr(type_, scope, 1))}")

    def stmt_if(self, scope):
        self.emit(f"if {self.cond(scope)}:")
        self.nested(scope.child(), self.draw(st.integers(1, 3)))
        if self.chance(0.5):
            self.emit(self.choice(["else:", f"elif {self.cond(scope)}:"]))
            self.nested(scope.child(), self.draw(st.integers(1, 2)))

    def stmt_for(self, scope):
        var = self.new_name("i")
        source = self.choice([LIST, "range"] + (["obj"] if "__iter__" in self.features else []))
        iterable = {"range": f"range({self.choice(['3', '5', '-1', '2, 9, 3'])})",
                    LIST: self.expr(LIST, scope, 1), "obj": self.expr(OBJ, scope, 1)}[source]
        self.emit(f"for {var} in {iterable}:")
        inner = scope.child()
        inner.names[var] = INT
        inner.loops += 1
        self.indent += 1
        self.block(inner, self.draw(st.integers(1, 3)))
        if self.chance(0.3):
            self.emit(f"if {self.cond(inner, 0)}:")
            self.emit("    " + self.choice(["break", "continue"]))
        self.indent -= 1

    def stmt_while(self, scope):
        counter = self.new_name("n")
        self.emit(f"{counter} = 0")
        self.emit(f"while {counter} < {self.choice(['2', '4'])}:")
        inner = scope.child()
        inner.loops += 1
        self.indent += 1
        self.emit(f"{counter} += 1")
        self.block(inner, self.draw(st.integers(1, 2)))
        self.indent -= 1

    def stmt_try(self, scope):
        self.emit("try:")
        self.nested(scope.child(), self.draw(st.integers(1, 3)))
        err = self.new_name("e")
        self.emit(f"except {self.choice([EXCEPTIONS, 'ZeroDivisionError', 'LookupError', 'Exception'])} as {err}:")
        self.emit(f"    print('caught', type({err}).__name__, {err})")
        if self.chance(0.2):
            self.emit(f"    raise AppError('wrapped') from {err}")
        if self.chance(0.3):
            self.emit("else:")
            self.emit("    print('no error')")
        if self.chance(0.3):
            self.emit("finally:")
            self.emit(f"    print('finally', {self.literal(INT)})")

    def stmt_raise(self, scope):
        self.emit(f"if {self.cond(scope)}:")
        error = self.choice(["ValueError", "AppError", "KeyError"])
        self.emit(f"    raise {error}(f\"{{({self.expr(INT, scope, 1)})}} {{({self.expr(STR, scope, 1)})!r}}\")")

    def stmt_closure(self, scope):
        name = self.new_name("g")
        param = self.new_name("y")
        self.emit(f"def {name}({param}):")
        inner = scope.child()
        inner.names[param] = INT
        self.emit(f"    return {self.expr(INT, inner, 2)}")
        scope.closures.append(name)

    def stmt_call(self, scope):
        if not self.functions:
            return self.stmt_print(scope)
        name, params = self.choice(self.functions)
        values = [self.expr(t, scope, 1) for t in params]
        style = self.choice(["positional", "keyword", "star"])
        if style == "keyword":
            args = ", ".join(f"{t[0]}{i}={v}" for i, (t, v) in enumerate(zip(params, values)))
        elif style == "star":
            args = f"*[{', '.join(values)}]"
        else:
            args = ", ".join(values)
        self.emit(f"print({name!r}, {name}({args}))")

    def stmt_with(self, scope):
        self.emit(f"with Resource({self.literal(STR)}, {self.choice(['False', 'True'])}) as {self.new_name('r')}:")
        self.nested(scope.child(), self.draw(st.integers(1, 2)))

    def stmt_module_dict(self, scope):
        self.emit(f"TOTALS[{self.literal_key()}] = TOTALS.get({self.literal_key()}, 0) + {self.expr(INT, scope, 1)}")
        self.emit("print('totals', sorted(TOTALS.items()))")

    def nested(self, scope, size):
        self.indent += 1
        self.block(scope, size)
        self.indent -= 1

    # -- program parts ---------------------------------------------------------------------
    def method(self, header, params, returns, size):
        self.emit(header)
        scope = _Scope({"self": OBJ, **params}, in_method=True)
        self.indent += 1
        self.block(scope, size)
        self.emit(f"return {self.clamp(returns, self.expr(returns, scope))}")
        self.indent -= 1

    def class_c(self):
        self.features = {d for d in DUNDERS if self.chance(0.6)}
        self.emit("class C:")
        self.indent += 1
        self.emit(f"kind = {self.literal(STR)}")
        self.emit("")
        self.emit("def __init__(self, x, name):")
        self.emit("    self.x = x")
        self.emit("    self.name = name")
        self.emit("")
        self.emit("@property")
        self.method("def size(self):", {}, INT, self.draw(st.integers(0, 2)))
        self.emit("")
        self.method("def bump(self, k):", {"k": INT}, INT, self.draw(st.integers(0, 4)))
        self.emit("")
        self.emit("@classmethod")
        self.emit("def make(cls, n):")
        self.emit("    return cls(n, 'm' + str(n))")
        self.emit("")
        self.emit("@staticmethod")
        self.emit("def twice(n):")
        self.emit("    return n * 2")
        bodies = {
            "__add__": "return type(self)(self.x + other.x, (self.name + other.name)[:12])",
            "__eq__": "return isinstance(other, C) and self.x == other.x",
            "__lt__": "return self.x < other.x",
            "__len__": "return abs(self.x) % 7",
            "__bool__": "return self.x % 3 != 0",
            "__getitem__": "return self.name[other]",
            "__iter__": "return iter(range(abs(self.x) % 4))",
            "__contains__": "return other == self.x",
            "__call__": "return self.x * other",
        }
        for dunder in sorted(self.features):
            self.emit("")
            unary = dunder in ("__len__", "__bool__", "__iter__")
            self.emit(f"def {dunder}(self{'' if unary else ', other'}):")
            self.emit("    " + bodies[dunder])
        if "__eq__" in self.features:
            self.emit("")
            self.emit("__hash__ = None" if self.chance(0.3) else "def __hash__(self):\n        return hash(self.x)")
        self.emit("")
        self.emit("def __repr__(self):")
        self.emit("    return f'{type(self).__name__}({self.x!r}, {self.name!r})'")
        self.indent -= 1

    def class_d(self):
        self.emit("class D(C):")
        self.indent += 1
        self.emit(f"kind = {self.literal(STR)}")
        self.emit("")
        self.emit("def bump(self, k):")
        self.emit(f"    return super().bump(k) + {self.literal(INT)}")
        if self.chance(0.5):
            self.emit("")
            self.emit("@property")
            self.emit("def size(self):")
            self.emit(f"    return len(self.name) + {self.literal(INT)}")
        self.indent -= 1

    def function(self, index):
        params = [self.choice(VALUE_TYPES) for _ in range(self.draw(st.integers(0, 3)))]
        names = [f"{t[0]}{i}" for i, t in enumerate(params)]
        scope = _Scope(dict(zip(names, params)))
        self.emit(f"def f{index}({', '.join(names)}):")
        self.indent += 1
        if self.chance(0.4):
            self.emit(f"counter = make_counter({self.literal(INT)})")
            scope.names["counter"] = "closure"
        self.block(scope, self.draw(st.integers(1, 6)))
        returns = self.choice(VALUE_TYPES)
        self.emit(f"return {self.expr(returns, scope)}")
        self.indent -= 1
        self.functions.append((f"f{index}", params))

    def main(self):
        self.emit("def main():")
        self.indent += 1
        traced = self.choice(self.functions)[0]
        for name, params in self.functions:
            for _ in range(self.draw(st.integers(1, 3))):
                args = ", ".join(self.expr(t, _Scope({}), 1) for t in params)
                self.emit("try:")
                self.emit(f"    print({name!r}, {name}({args}))")
                self.emit("except Exception as exc:")
                if name == traced:
                    self.emit("    print(''.join(traceback.format_exception(exc)[1:]))")
                else:
                    self.emit(f"    print({name!r}, 'raised', type(exc).__name__, exc)")
        self.indent -= 1


_PRELUDE = '''\
import traceback


class AppError(Exception):
    pass


class Resource:
    def __init__(self, name, swallow):
        self.name, self.swallow = name, swallow

    def __enter__(self):
        print('enter', self.name)
        return self

    def __exit__(self, kind, value, tb):
        print('exit', self.name, kind.__name__ if kind else None)
        return self.swallow


TOTALS = {}


def make_counter(start):
    total = start

    def step(n):
        nonlocal total
        total = (total + n) % 1000
        return total
    return step

'''


@st.composite
def programs(draw):
    gen = _Gen(draw)
    gen.class_c()
    gen.emit("")
    gen.emit("")
    gen.class_d()
    for i in range(draw(st.integers(1, 4))):
        gen.emit("")
        gen.emit("")
        gen.function(i)
    gen.emit("")
    gen.emit("")
    gen.main()
    body = "\n".join(gen.lines)
    return Program(f"{_PRELUDE}\n{body}\n\n\nif __name__ == '__main__':\n    for _round in range(3):\n        main()\n")
