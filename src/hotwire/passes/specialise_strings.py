"""Two string operations that whole programs do in their hot loops, written out instead of called:
`str(x)` and `"<text>%d<text>%d" % (a, b)` (the str_of_int and percent_format seeds).

CPython runs both through general machinery: `str(i)` converts an int to decimal through a scratch
int in base 10**9; `fmt % (a, b)` builds a tuple and parses the format string at every execution.
For exact ints the result is just their decimal digits (and the format's text), so the lowering
(backend/lower_strings.py) writes them straight into a new str, and falls back to exactly what the
interpreter does for anything else. The rewrites are:

  call(null, load_global[str] or load_name[str], x)  -> str_of(null, callable, x)
      the callable is checked at run time: a program may rebind `str`;
  binary_op[%](const "<fmt>", build_tuple(a, b, ...))  -> percent_format[pieces](fmt, a, b, ...)
      only for a format of ASCII text and %d, %i, %u or %s conversions, as many as the tuple has items
      (no flags, widths, precisions or mapping keys): each of those conversions of an exact int is
      its decimal form.
"""
from hotwire.ir import ops as ir
from hotwire.ir.edit import is_call_of_name, remove, replace_op

_DECIMAL_CONVERSIONS = set("dius")
_REMAINDER = 6   # BINARY_OP's oparg for % (and 13 + 6 for %=)


def format_pieces(fmt):
    """The text around the conversions of a format this pass handles, or None."""
    if not fmt.isascii():
        return None
    pieces, text, i = [], [], 0
    while i < len(fmt):
        c = fmt[i]
        if c != "%":
            text.append(c)
            i += 1
            continue
        if i + 1 >= len(fmt):
            return None
        conv = fmt[i + 1]
        if conv == "%":
            text.append("%")
        elif conv in _DECIMAL_CONVERSIONS:
            pieces.append("".join(text))
            text = []
        else:
            return None
        i += 2
    pieces.append("".join(text))
    return pieces


def _percent_format(block, op):
    """The pieces and the tuple of `fmt % (...)`, or None."""
    if not isinstance(op, ir.BinaryOp) or op.oper % 13 != _REMAINDER:
        return None
    fmt, args = op.operands
    if not (isinstance(fmt, ir.LoadConst) and type(fmt.value) is str and isinstance(args, ir.BuildTuple)):
        return None
    index = block.ops.index(op)
    if index == 0 or block.ops[index - 1] is not args:
        return None   # something ran in between, whose frame state may hold the tuple
    pieces = format_pieces(fmt.value)
    if pieces is None or len(pieces) != len(args.operands) + 1:
        return None
    return pieces, args


def run(fn, ctx):
    changed = False
    for block in fn.blocks:
        for op in list(block.ops):
            if is_call_of_name(op, "str"):
                new = ir.StrOf(*op.operands)
            else:
                found = _percent_format(block, op)
                if found is None:
                    continue
                pieces, args = found
                new = ir.PercentFormat(op.operands[0], *args.operands, pieces=pieces)
                remove(block, args)
            replace_op(fn, block, op, new)
            changed = True
    return changed
