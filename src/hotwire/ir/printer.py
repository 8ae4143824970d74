"""The IR's stable text form. Golden tests compare it; HOTWIRE_DUMP_BEFORE/AFTER print it."""
from hotwire.ir.ops import VOID


def format_op(op):
    head = "" if op.type == VOID else "%s = " % op.ref()
    text = head + op.name
    attrs = op.attr_text()
    if attrs:
        text += attrs
    ops = ", ".join(v.ref() for v in op.operands)
    if ops:
        text += " " + ops
    if op.is_terminator and op.targets:
        text += " -> " + ", ".join(
            "%s(%s)" % (t.label(), ", ".join(v.ref() for v in a)) for t, a in zip(op.targets, op.args))
    if op.type not in (VOID, "obj"):
        text += " :" + op.type
    if op.deopt_state is not None:
        text += "  deopt" + str(op.deopt_state)
    if op.error_state is not None:
        text += "  error" + str(op.error_state)
    return text


def format_function(fn):
    fn.renumber()
    lines = ["function %s" % fn.name]
    for b in fn.blocks:
        params = ", ".join("%s:%s" % (p.ref(), p.type) for p in b.params)
        lines.append("%s(%s):  # @%d" % (b.label(), params, b.offset))
        for op in b.ops:
            lines.append("    " + format_op(op))
    return "\n".join(lines) + "\n"
