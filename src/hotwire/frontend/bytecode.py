"""Decoding of CPython 3.12 bytecode into a list of instructions the IR builder can walk.

Everything the compiler knows about a code object's bytecode comes from here: instruction offsets (in
bytes, as `dis` and the exception table use them), their arguments with `EXTENDED_ARG` folded in, the
offset of the next instruction after the inline cache entries, jump targets, line numbers, and the
feedback CPython's specialising interpreter left in `_co_code_adaptive` (the quickened opcode names, such
as BINARY_OP_ADD_FLOAT). Decoding relies on `dis` for the 3.12 encoding so that no opcode numbers are
hard-coded anywhere in the compiler.
"""
import dis
import opcode
from dataclasses import dataclass, field

CODEUNIT = 2  # bytes per instruction word in 3.12


@dataclass
class Instr:
    offset: int          # byte offset of the instruction itself (after its EXTENDED_ARG prefixes)
    start: int           # byte offset where the instruction begins, including EXTENDED_ARG prefixes
    opname: str          # base (unspecialised) opcode name
    arg: int | None
    argval: object
    next_offset: int     # byte offset of the following instruction (after inline caches)
    line: int | None
    specialised: str = ""  # the quickened name seen in _co_code_adaptive, e.g. BINARY_OP_ADD_FLOAT
    jump_target: int | None = None
    cache: bytes = b""     # the inline cache entries after it in the same snapshot (versions, indexes)

    def __str__(self):
        return f"{self.offset} {self.opname} {self.arg if self.arg is not None else ''}".rstrip()


@dataclass
class ExceptionEntry:
    start: int
    end: int
    target: int
    depth: int
    lasti: bool


@dataclass
class Bytecode:
    code: object
    instrs: list[Instr]
    by_offset: dict = field(default_factory=dict)
    exception_table: list[ExceptionEntry] = field(default_factory=list)

    def at(self, offset):
        return self.by_offset[offset]


_JUMP_FORWARD_OPS = {"JUMP_FORWARD", "POP_JUMP_IF_FALSE", "POP_JUMP_IF_TRUE", "POP_JUMP_IF_NONE",
                     "POP_JUMP_IF_NOT_NONE", "SEND"}
_JUMP_BACKWARD_OPS = {"JUMP_BACKWARD", "JUMP_BACKWARD_NO_INTERRUPT"}


def _cache_bytes(opname):
    return CODEUNIT * opcode._inline_cache_entries[opcode.opmap[opname]]


def _jump_target(opname, arg, next_offset):
    if opname in _JUMP_FORWARD_OPS:
        return next_offset + CODEUNIT * arg
    if opname in _JUMP_BACKWARD_OPS:
        return next_offset - CODEUNIT * arg
    if opname == "FOR_ITER":
        # FOR_ITER jumps to its END_FOR; on exhaustion the interpreter skips that END_FOR as well.
        return next_offset + CODEUNIT * arg
    return None


def _adaptive_snapshot(code):
    """One copy of the quickened bytecode, the type feedback of tier 0. A single copy, made in one C
    call while holding the GIL, so that an opcode name and its cache entries (a type version and the
    index it goes with) belong to the same specialisation even while the program re-specialises."""
    return code._co_code_adaptive


def parse_exception_table(code):
    """co_exceptiontable as entries (Objects/exception_handling_notes.txt). Compiled code never runs
    a handler itself: on an error the interpreter takes the frame and reads this table."""
    return [ExceptionEntry(e.start, e.end, e.target, e.depth, e.lasti)
            for e in dis._parse_exception_table(code)]


def decode(code):
    """Decode a 3.12 code object. EXTENDED_ARG prefixes are folded into the instruction they extend."""
    adaptive = _adaptive_snapshot(code)
    instrs = []
    prefix_start = None
    for ins in dis.get_instructions(code):
        if ins.opname == "EXTENDED_ARG":
            if prefix_start is None:
                prefix_start = ins.offset
            continue
        start = ins.offset if prefix_start is None else prefix_start
        prefix_start = None
        next_offset = ins.offset + CODEUNIT + _cache_bytes(ins.opname)
        line = ins.positions.lineno if ins.positions is not None else None
        instr = Instr(ins.offset, start, ins.opname, ins.arg, ins.argval, next_offset, line,
                      specialised=dis._all_opname[adaptive[ins.offset]],
                      cache=adaptive[ins.offset + CODEUNIT:next_offset])
        instr.jump_target = _jump_target(ins.opname, ins.arg, next_offset)
        instrs.append(instr)
    bc = Bytecode(code, instrs, {i.offset: i for i in instrs}, parse_exception_table(code))
    for i in instrs:
        if i.start != i.offset:
            bc.by_offset[i.start] = i
    return bc


_NO_FALLTHROUGH = {"RETURN_VALUE", "RETURN_CONST", "RAISE_VARARGS", "RERAISE", "JUMP_FORWARD",
                   "JUMP_BACKWARD", "JUMP_BACKWARD_NO_INTERRUPT"}


def stack_depths(bc):
    """{instruction offset: depth of the value stack before it}, for the instructions reachable by
    normal control flow and from exception handlers, computed from `dis.stack_effect` as the
    compiler computes co_stacksize. The IR builder needs the depth at a loop header that only an
    on-stack replacement reaches (the code before it has an instruction the builder does not
    translate); the OSR entry checks the frame's real depth again before it enters."""
    depths = {}
    todo = []

    def reach(offset, depth):
        if offset in bc.by_offset:
            offset = bc.at(offset).offset   # past any EXTENDED_ARG prefix
            if offset not in depths:
                depths[offset] = depth
                todo.append(offset)

    reach(bc.instrs[0].offset, 0)
    for e in bc.exception_table:
        reach(e.target, e.depth + 1 + int(e.lasti))
    while todo:
        ins = bc.at(todo.pop())
        depth = depths[ins.offset]
        code = opcode.opmap[ins.opname]
        arg = ins.arg if code >= opcode.HAVE_ARGUMENT else None
        if ins.opname not in _NO_FALLTHROUGH:
            reach(ins.next_offset, depth + dis.stack_effect(code, arg, jump=False))
        if ins.jump_target is not None:
            reach(bc.at(ins.jump_target).offset, depth + dis.stack_effect(code, arg, jump=True))
    return depths
