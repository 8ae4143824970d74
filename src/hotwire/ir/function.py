"""Containers of the IR: a Function is a list of Blocks; a Block has parameters (SSA block arguments,
the values live on the interpreter's stack where control flow merges) and a list of ops ending in a
terminator."""
from hotwire.ir.ops import BlockParam, OBJ


class Block:
    def __init__(self, offset):
        self.offset = offset        # bytecode offset where this block starts
        self.params = []
        self.ops = []
        self.id = None

    def add_param(self, type=OBJ, maybe_null=False):
        p = BlockParam(self, type, maybe_null)
        self.params.append(p)
        return p

    def append(self, op):
        op.block = self
        self.ops.append(op)
        return op

    @property
    def terminator(self):
        return self.ops[-1] if self.ops and self.ops[-1].is_terminator else None

    def label(self):
        return "b%d" % self.id


class Function:
    def __init__(self, code, name):
        self.code = code
        self.name = name
        self.blocks = []
        self.notes = []   # human-readable facts for explain(): deopt points, specialisations
        self.bytecode = None  # the decoded bytecode it was built from (with tier-0 feedback)
        self.line_entries = []  # offsets of the line starts compiled code may be entered at

    def new_block(self, offset):
        b = Block(offset)
        self.blocks.append(b)
        return b

    def all_ops(self):
        for b in self.blocks:
            yield from b.ops

    def renumber(self):
        """Give blocks and values stable ids in program order, so the text form is deterministic."""
        n = 0
        for i, b in enumerate(self.blocks):
            b.id = i
            for p in b.params:
                p.id = n
                n += 1
            for o in b.ops:
                o.id = n
                n += 1

    def predecessors(self):
        preds = {b: [] for b in self.blocks}
        for b in self.blocks:
            t = b.terminator
            if t is not None:
                for s in t.successors():
                    preds[s].append(b)
        return preds
