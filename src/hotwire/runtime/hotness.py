"""When a function becomes hot: counting calls with sys.monitoring's PY_START event.

Tier 0 (CPython's interpreter) tells us about every call of a function that is not compiled yet, and
about backward jumps (loop iterations). After `threshold` calls, or LOOP_ITERATIONS_PER_CALL times as
many iterations of its loops, the function is compiled with the feedback its quickened bytecode holds;
a call running a hot loop continues in compiled code at the loop's next iteration (on_jump).
Compiling means queueing for the background compiler unless HOTWIRE_SYNC=1 (install.compile_for).
The event is disabled (`sys.monitoring.DISABLE`) for a queued code (a Python callback at every call of
a function waiting to be compiled made whole programs several times slower): the worker installs the
compiled code on the function that became hot, the function watcher (runtime/watchers.py) on every
function made from the code afterwards. For a compiled code the event stays on, and costs nothing for
calls that run compiled code (they send no event): it fires only for the code's interpreted calls, a
function made before the compile or in another namespace, which the callback then installs the unit on
(adding its namespace's record). Our own tool's PY_START bit is ignored by the compiled entry's check
for debuggers and profilers (frame_abi.emit_vectorcall_entry), which use other tools.

Once the C-level callbacks exist (backend/jump_callback.py, made by osr.prepare), calls and loop
iterations are counted in C, and these Python callbacks run only at a code's first call and once per
batch (call_batch(), jump_batch()).

The Python callbacks push a frame that counts towards the recursion limit.
Near the limit (a deep recursion through functions not decided yet) that push, or a call inside the
callback, would raise a RecursionError the program would see, in a frame CPython never has. So a
callback that finds fewer than HEADROOM frames left does nothing and disables the event for that code
(no callback can then fail at a deeper level); those codes are set aside and their events restarted
(`sys.monitoring.restart_events`) by the next callback that runs with room again. Compiling in line
needs COMPILE_HEADROOM frames (the compiler's own calls); with less, a later call compiles it.
"""
import atexit
import ctypes
import math
import os
import _thread
import sys

from hotwire.backend.layout312 import off
from hotwire.runtime import compile_process, install, module_entry, osr

from hotwire.runtime.tool import TOOL
_EVENT = sys.monitoring.events.PY_START
_JUMP = sys.monitoring.events.JUMP
LOOP_ITERATIONS_PER_CALL = 10    # a loop iteration counts as 1/10 of a call towards the threshold
_DISABLE = sys.monitoring.DISABLE
_CO_OPTIMIZED = 0x1
_OWN_DIRS = tuple(os.path.dirname(p) for p in (
    os.path.dirname(os.path.abspath(__file__)),))

HEADROOM = 50
COMPILE_HEADROOM = 100   # the compiler itself needs about 30 frames (measured: 18 for compile_code)

_state = {"threshold": 10, "loop_threshold": 100, "active": False, "only": (), "set_aside": False,
          "c_callback_tried": False}
_MAX_BATCH = 1024
C_CALLBACK_AFTER = 256
_counts = install.ByIdentity()       # code -> [calls seen]
_loop_counts = install.ByIdentity()  # code -> [backward jumps seen]
_requested = install.ByIdentity()    # codes marked by @hotwire.jit: compile at the first call


def function_of(frame):
    """The function object a frame is running (f_frame->f_funcobj), read from the frame's layout."""
    iframe = ctypes.c_void_p.from_address(id(frame) + off("PyFrameObject.f_frame")).value
    func = ctypes.c_void_p.from_address(iframe + off("_PyInterpreterFrame.f_funcobj")).value
    return ctypes.cast(func, ctypes.py_object).value


_thread_state = ctypes.pythonapi.PyThreadState_Get
_thread_state.restype = ctypes.c_void_p
_per_thread = _thread._local()


def _frames_left():
    """How many more Python frames this thread may push before RecursionError (read from the thread
    state through a ctypes view made once per thread: this runs in every callback)."""
    try:
        return _per_thread.remaining.value
    except AttributeError:
        address = _thread_state() + off("PyThreadState.py_recursion_remaining")
        _per_thread.remaining = ctypes.c_int.from_address(address)
        return _per_thread.remaining.value


def _room(needed):
    """False (and the event disabled, the code set aside) when the stack is too deep for a callback;
    restarts the events of codes set aside earlier once there is room again."""
    left = _frames_left()
    if left < HEADROOM:
        _state["set_aside"] = True
        return False
    if _state["set_aside"] and left >= COMPILE_HEADROOM:
        _state["set_aside"] = False
        sys.monitoring.restart_events()
    return left >= needed


def _only_paths():
    """HOTWIRE_ONLY=dir1:dir2 restricts compilation to code from files under those directories
    (the differential tests compile every function of the program under test, not the stdlib)."""
    raw = os.environ.get("HOTWIRE_ONLY", "")
    return tuple(os.path.abspath(p) for p in raw.split(os.pathsep) if p)


def _excluded(code):
    """hotwire itself, llvmlite, and the frozen import machinery (it runs once per import; compiling
    it would only add compile time to every import) stay in the interpreter; so does code outside
    HOTWIRE_ONLY when it is set."""
    name = code.co_filename
    if name.startswith(_OWN_DIRS) or "llvmlite" in name or name.startswith("<frozen importlib"):
        return True
    only = _state["only"]
    return bool(only) and not (os.path.isabs(name) and name.startswith(only))


def _on_start(code, offset):
    """The PY_START callback until the C-level one is in place (backend/jump_callback.py), which
    counts calls itself and calls on_start_batch."""
    return _count_calls(code, 1)


def on_start_batch(code, offset):
    """Called by the C-level PY_START callback at a code's first call and every call_batch()-th."""
    return _count_calls(code, call_batch())


def call_batch():
    """How many calls the C-level PY_START callback counts between calls of Python: a power of two,
    at most an eighth of the threshold."""
    return _batch(_state["threshold"])


def _count_calls(code, n):
    """Counts `n` calls (the first call of a code counts 1). Runs for every (batch of) calls of every
    code not decided yet, so the common case (counted, not hot yet) is one lookup in `_counts`, whose
    entry is a one-element list counted in place. The caller's caller is the frame of the call."""
    if install.compiling():
        return None
    if not _room(HEADROOM):
        return _DISABLE
    if compile_process.has_batch() and _batch_waits_with(code):
        return None
    counter = _counts.get(code)
    if counter is not None:
        counter[0] += n
        if counter[0] <= _state["threshold"]:
            return None
    else:
        if not code.co_flags & _CO_OPTIMIZED:   # a module's or class body's code: runs once
            module_entry.started(code, sys._getframe(2))
            return _DISABLE
        if _excluded(code) or code in install.rejected:
            return _DISABLE
        if code in install.queued:
            return _DISABLE   # the background compiler has it and installs it on the function
        _counts[code] = [1]
        if code not in install.units and _state["threshold"] >= 1 and code not in _requested:
            return None
    if not _room(COMPILE_HEADROOM if install.is_sync() or code in _requested else HEADROOM):
        return None   # counted; compiled by a later call with more room
    frame = sys._getframe(2)
    func = function_of(frame)
    if not hasattr(func, "__code__") or func.__code__ is not code:
        return None
    # hotwire.jit asked for this function to be compiled at its first call: in line, not queued.
    compile_ = install.compile_now if code in _requested else install.compile_for
    unit = compile_(func, _argument_types(code, frame))
    if unit is None:
        return None if code not in install.rejected and code not in install.queued else _DISABLE
    # Compiled, and installed on func: its later calls run compiled code and send no event. The event
    # stays on for the code's interpreted calls: functions made from it before it was compiled, or in
    # another namespace, which this callback installs the unit on at their next call.
    return None if install.is_installed(func) else _DISABLE


def _batch_waits_with(code):
    """Hot codes wait for the next compile process (compile_process.flush): fork it if that can be
    done now. True when `code` still waits (its events stay on until it has gone)."""
    compile_process.flush()
    return compile_process.waiting(code)


def _argument_types(code, frame):
    """The int/float types of the arguments of the call being started: type feedback for code
    compiled at its first call, before the quickened instructions have seen anything.

    The types are read from the frame's localsplus slots: `frame.f_locals` would store a dict of the
    locals on the frame, which keeps the arguments alive after the function deletes or rebinds them."""
    iframe = ctypes.c_void_p.from_address(id(frame) + off("PyFrameObject.f_frame")).value
    slots = iframe + off("_PyInterpreterFrame.localsplus")
    exact = {id(int): int, id(float): float}
    types_ = {}
    for i in range(code.co_argcount):
        value = ctypes.c_void_p.from_address(slots + 8 * i).value
        if value:
            type_ = exact.get(ctypes.c_void_p.from_address(value + off("PyObject.ob_type")).value)
            if type_ is not None:
                types_[i] = type_
    return types_


def on_jump(code, offset, destination):
    """The JUMP callback until the C-level one is in place (backend/jump_callback.py), which counts
    iterations itself and calls on_jump_batch. That one is made when some code's loops have run
    C_CALLBACK_AFTER times, if its machine code is in the code cache (2-3 ms, once: a Python callback
    at every iteration costs 1.5 us; a script without loops, hello.py, pays neither), else by the
    worker after its first compile."""
    return _count_jumps(code, offset, destination, 1)


def on_jump_batch(code, offset, destination):
    """Called by the C-level JUMP callback at every jump_batch()-th backward jump of a code."""
    return _count_jumps(code, offset, destination, jump_batch())


def jump_batch():
    """How many backward jumps the C-level callback counts before calling Python: a power of two, at
    most an eighth of the loop threshold (so a loop is hot at most 1/8 later than counted one by one)."""
    return _batch(_state["loop_threshold"])


def _batch(threshold):
    batch = 1
    while batch * 2 <= min(_MAX_BATCH, threshold // 8):
        batch *= 2
    return batch


def _use_c_callback_if_cached():
    # Imported inside a callback, which could meet a module the program is half-way through
    # importing (see api.load_compiler): these import only hotwire's own modules, C modules
    # (_ctypes, _sha2, marshal, zlib) and ctypes and struct, which `import hotwire` has imported.
    from hotwire.runtime import code_cache
    try:
        if install.with_signals_held(code_cache.support_cached, "jump_callback"):
            install.with_signals_held(osr.prepare)
    except Exception:   # the Python callback goes on counting
        pass


def _count_jumps(code, offset, destination, n):
    """Loop hotness: a loop that has run long is compiled, and the call running it goes on in
    compiled code from the loop's next iteration (on-stack replacement: backend/osr_entry.py; the
    C-level JUMP callback takes it into the compiled loop). `n`: backward jumps since the last call.
    Runs for every (batch of) iterations of loops not decided yet: the common case is one lookup."""
    if destination > offset:
        return _DISABLE
    if install.compiling():
        return None
    if not _room(HEADROOM):
        return _DISABLE
    if compile_process.has_batch() and _batch_waits_with(code):
        return None
    counter = _loop_counts.get(code)
    if counter is None:
        # Module-level code (not CO_OPTIMIZED: its names live in a dict) is run once, so it is
        # only ever compiled here, for on-stack replacement into its loops.
        if code in install.units or code in install.rejected or code in install.queued or _excluded(code):
            return _DISABLE
        _loop_counts[code] = counter = [0]
    counter[0] += n
    if counter[0] == C_CALLBACK_AFTER and not _state["c_callback_tried"]:
        _state["c_callback_tried"] = True
        _use_c_callback_if_cached()
    hot = max(_state["loop_threshold"], 1)
    if counter[0] < hot:
        return None
    if counter[0] - n >= hot:
        return _DISABLE   # compiled already, and its OSR entry refused this frame (or has none here)
    if not _room(COMPILE_HEADROOM if install.is_sync() else HEADROOM):
        counter[0] -= n
        return None
    func = function_of(sys._getframe(2))
    if hasattr(func, "__code__") and func.__code__ is code:
        unit = install.compile_for(func)
        if unit is not None and destination in unit.osr_offsets:
            return None   # the next iteration enters the compiled loop
    # Queued: the worker restarts the events once the code has OSR entries (install.compile_queued).
    return _DISABLE


def use_c_callbacks(jump, start):
    """From now on the JUMP event goes to `jump` (the C-level one that enters OSR entries and counts
    iterations) and PY_START to `start` (which counts calls)."""
    _state["jump_callback"], _state["start_callback"] = jump, start
    if _state["active"]:
        sys.monitoring.register_callback(TOOL, _JUMP, jump)
        sys.monitoring.register_callback(TOOL, _EVENT, start)


def request(code):
    _requested[code] = True
    _counts[code] = [math.inf]   # past any threshold: compiled at its next call
    osr.count_calls_from_one(code)   # (which the C-level callback then passes on)
    if _state["active"]:
        sys.monitoring.restart_events()


def start(threshold, loop_threshold=None):
    """Count calls and loop iterations: `threshold` calls, or `loop_threshold` iterations (default
    LOOP_ITERATIONS_PER_CALL per call of the threshold), make code hot."""
    _state["threshold"] = threshold
    _state["loop_threshold"] = loop_threshold if loop_threshold is not None else \
        LOOP_ITERATIONS_PER_CALL * max(threshold, 1)
    osr.set_jump_batch(jump_batch())
    osr.set_call_batch(call_batch())
    _state["only"] = _only_paths()
    if _state["active"]:
        return
    if sys.monitoring.get_tool(TOOL) is None:
        sys.monitoring.use_tool_id(TOOL, "hotwire")
    sys.monitoring.register_callback(TOOL, _EVENT, _state.get("start_callback") or _on_start)
    sys.monitoring.register_callback(TOOL, _JUMP, _state.get("jump_callback") or on_jump)
    sys.monitoring.set_events(TOOL, _EVENT | _JUMP)
    _state["active"] = True
    if not _state.get("stop_at_exit"):
        atexit.register(stop)  # no compiling while the interpreter shuts down
        _state["stop_at_exit"] = True


def stop():
    if not _state["active"]:
        return
    sys.monitoring.set_events(TOOL, 0)
    sys.monitoring.register_callback(TOOL, _EVENT, None)
    sys.monitoring.register_callback(TOOL, _JUMP, None)
    module_entry.stop()
    sys.monitoring.free_tool_id(TOOL)
    _state["active"] = False


def is_active():
    return _state["active"]
