"""Compiled code per code object, installed on function objects through PyFunction_SetVectorcall.

One unit serves every function made from its code object, whatever their globals: the entry finds the
function's namespace in the unit's table of namespace records (backend/namespace_records.py), and a
function of a namespace not in it yet runs interpreted until the hotness callback adds it.

The registry remembers, for every code object hotwire has looked at, either its CompiledUnit or the
reason it stays in the interpreter, so `explain()` and the stats can say what happened.

Two ways in. `compile_now` compiles on the calling thread: with HOTWIRE_SYNC=1, for `hotwire.jit`, and on
the background worker. `compile_for`, what the hotness counters call, compiles in line when synchronous
and otherwise queues the function for the background compiler (runtime/background.py) and returns at
once; the worker installs the code on the function when it is done.

The compiler and LLVM are imported by the first compile, not with this module: `import hotwire` must stay
cheap for short scripts. The first compile runs on the worker thread, or, when compiling in line, after
`api.load_compiler()` has imported everything at enable() (an import inside a monitoring callback could
meet a module the program is half-way through importing).

Races with the program while the worker compiles (the worker holds the GIL only between LLVM calls):
- `func.__code__` replaced meanwhile: the code is installed only if func still holds that code object,
  and the compiled entry itself checks the code and the namespace at every call
  (frame_abi.emit_vectorcall_entry), so a replacement that slips in between falls back to the
  interpreter.
- Globals changed meanwhile: compiled code reads them through cells that dict watchers keep current
  (globals_cache.py, whose cells are made under a lock the watcher also takes).
- fork(): the child must not inherit a compile half-way through LLVM (its locks would stay held for
  ever), so the fork waits for the running compile (`_lock`). If that takes longer than
  FORK_WAIT_SECONDS, the child compiles nothing and says why.
"""
import _signal   # not `signal`, which imports enum: `import hotwire` stays cheap for short scripts
import _thread   # not `threading` (see background.submit)
import builtins
import ctypes
import os
import sys
import weakref

from hotwire.backend.layout312 import off
from hotwire.runtime import background, compile_process, osr, stats
from hotwire.runtime.tool import own_tool_mask

_set_vectorcall = ctypes.pythonapi.PyFunction_SetVectorcall
_set_vectorcall.argtypes = [ctypes.py_object, ctypes.c_void_p]
_set_vectorcall.restype = None
_default_vectorcall = ctypes.cast(ctypes.pythonapi._PyFunction_Vectorcall, ctypes.c_void_p).value

_lock = _thread.RLock()          # one compile at a time, on any thread; the fork gate
class _PerThread(_thread._local):
    depth = 0   # compile_now calls running on this thread (a class default: a missing attribute would
                # cost an AttributeError in every hotness callback)


_per_thread = _PerThread()
_ABSENT = object()
# refusal: why nothing compiles in this process; in_line_loads: whether the hotness callback may link
# machine code from the code cache itself (see _load_in_line)
_mode = {"sync": False, "refusal": None, "in_line_loads": False}
FORK_WAIT_SECONDS = 30

# The builtins as they were when hotwire was imported. hotwire's own code (the compiler, the cache's
# reader) runs on the program's builtins: with `len` replaced (the len_global seed does it for a
# moment), a loop over an operand list could stop early and a wrong unit look right. So nothing is
# compiled or loaded while a builtin differs from this, except the few that programs commonly wrap
# for their own output, input and imports, which hotwire does not call in a way a wrapper changes.
_ORIGINAL_BUILTINS = dict(builtins.__dict__)
_WRAPPED_BUILTINS = frozenset({"print", "input", "open", "help", "exit", "quit", "copyright", "credits",
                               "license", "breakpoint", "__import__", "_"})


def replaced_builtins():
    """The names of the builtins the program has replaced or deleted since hotwire was imported
    (those in _WRAPPED_BUILTINS aside), sorted."""
    current = builtins.__dict__
    return sorted(name for name, value in _ORIGINAL_BUILTINS.items()
                  if current.get(name, _ABSENT) is not value and name not in _WRAPPED_BUILTINS)


class ByIdentity:
    """A map keyed by code object *identity*: code objects compare equal by value, and two equal code
    objects (the same source compiled twice) are different things to compiled code, which embeds the
    object's address. Entries go when their code object dies."""

    def __init__(self):
        self._items = {}

    def get(self, code, default=None):
        item = self._items.get(id(code))
        return item[1] if item is not None and item[0]() is code else default

    def __contains__(self, code):
        return self.get(code, _ABSENT) is not _ABSENT

    def __setitem__(self, code, value):
        key = id(code)
        item = self._items.get(key)
        if item is not None and item[0]() is code:
            # An update (the hotness counters do one per call): keep the weak reference.
            self._items[key] = (item[0], value)
            return
        self._items[key] = (weakref.ref(code, lambda _, key=key: self._items.pop(key, None)), value)

    def discard(self, code):
        item = self._items.get(id(code))
        if item is not None and item[0]() is code:
            del self._items[id(code)]

    def clear(self):
        self._items.clear()

    def __iter__(self):
        return (ref() for ref, _ in list(self._items.values()) if ref() is not None)

    def __len__(self):
        return len(self._items)


_HANDLED_SIGNALS = _signal.valid_signals() - {_signal.SIGKILL, _signal.SIGSTOP, _signal.SIGSEGV,
                                              _signal.SIGBUS, _signal.SIGFPE, _signal.SIGILL}


def compiling():
    """True while this thread compiles: calls made by the compiler itself are not counted as hot.
    Per thread: the program's calls go on being counted while the worker compiles."""
    return _per_thread.depth > 0


units = ByIdentity()      # code -> CompiledUnit
rejected = ByIdentity()   # code -> reason (str)
queued = ByIdentity()     # code -> True while the background compiler has it


def set_sync(sync):
    """True: compile_for compiles in line (HOTWIRE_SYNC=1); False: on the background worker."""
    _mode["sync"] = sync


def is_sync():
    return _mode["sync"]


def current_vectorcall(func):
    return ctypes.c_void_p.from_address(id(func) + off("PyFunctionObject.vectorcall")).value


def is_installed(func):
    """True when calls of func run compiled code: its entry is installed and knows func's namespace."""
    from hotwire.runtime import globals_cache
    unit = units.get(func.__code__)
    return (unit is not None and current_vectorcall(func) == unit.entry_address
            and globals_cache.has_namespace(unit, func))


def compile_for(func, arg_types=None):
    """Compile func's code and install it on func: in line when synchronous, else queued for the
    background compiler (then None now, and the worker installs it). Returns the unit once it exists."""
    if _mode["sync"]:
        return compile_now(func, arg_types)
    code = func.__code__
    unit = units.get(code)
    if unit is not None:
        _install(func, code, unit)
        return unit
    if code not in rejected and code not in queued:
        cache_key, unit = with_signals_held(_key_and_load_in_line, func, code, arg_types)
        if unit is not None:
            return unit
        queued[code] = True
        if compile_process.submit(code, func, arg_types, cache_key):
            return None
        if not background.submit(compile_queued, code, weakref.ref(func), arg_types, cache_key):
            queued.discard(code)
    return None


def with_signals_held(work, *args):
    """work(*args) with the signals a program handles held back on this thread. hotwire's own code
    catches exceptions it does not expect (a bug must never break the program), so a signal
    handler's exception raised in the middle of it would be lost: a SIGALRM meant to stop a slow
    call went unnoticed. Handlers already due run first, and what they raise goes to the program;
    the held ones run once the program's code goes on. (The background worker has them blocked for
    good.)"""
    blocked = _signal.pthread_sigmask(_signal.SIG_BLOCK, _HANDLED_SIGNALS)
    try:
        ctypes.pythonapi.PyErr_CheckSignals()
    except BaseException:
        _signal.pthread_sigmask(_signal.SIG_SETMASK, blocked)
        raise
    try:
        return work(*args)
    finally:
        _signal.pthread_sigmask(_signal.SIG_SETMASK, blocked)


def _key_and_load_in_line(func, code, arg_types):
    cache_key = _cache_key(code, func.__qualname__, arg_types)
    return cache_key, _load_in_line(func, code, cache_key)


def _cache_key(code, qualname, arg_types, feedback=True):
    """The code cache's key for compiling `code` now (None when the cache is off or the key cannot be
    made). Made when the function becomes hot, not when the worker gets to it: the type feedback in
    the key (runtime/code_cache.py) is then the same in every run of a program, where the worker's
    moment depends on the machine's load, and a hit can be linked at once (_load_in_line).
    `feedback=False` for a unit with line entries, looked up before its code has run."""
    try:
        from hotwire.runtime import code_cache
        if not code_cache.enabled() or replaced_builtins():
            return None
        return code_cache.key(code, qualname, arg_types, feedback)
    except Exception:   # (e.g. a module the key needs is half-way through the program's own import)
        return None


def compile_queued(code, func_ref, arg_types, cache_key):
    """The worker's job (and the compile process's waiter's, which finds the unit in the code cache).
    The function may have died, or got another __code__, while it waited."""
    try:
        func = func_ref()
        if func is not None and func.__code__ is code:
            unit = compile_now(func, arg_types, cache_key=cache_key)
            if unit is not None:
                _mode["in_line_loads"] = True   # what loading needs is imported and made now
                if unit.osr_address:
                    osr.resume_counting()
                # The C-level JUMP callback counts loop iterations for a fraction of what the Python
                # one costs: made now even without an OSR entry to enter (LLVM is loaded anyway), its
                # machine code goes to the cache for every later process. (Under the lock: an in-line
                # load may be making it too.)
                with _lock:
                    osr.prepare()
    finally:
        queued.discard(code)


def reject_queued(code, reason):
    """A queued code stays in the interpreter, for `reason`."""
    _reject(code, reason)
    queued.discard(code)


def compile_lock():
    """The lock every compile and load holds (compile_process forks only when nothing holds it)."""
    return _lock


def _load_in_line(func, code, cache_key):
    """The unit from the code cache, linked on this thread, in the hotness callback, or None.

    A cache hit costs a file read and a link (a millisecond or two), while a job on the worker waits
    for the GIL at every system call it makes, as long as the program's thread runs: under a hot
    loop, a load that needs 20 ms took 300 ms on the worker. So hits are linked in line, once
    what that needs is in place (`_mode["in_line_loads"]`: prepare_in_line at start-up, or the
    worker's first unit; so no import happens here, inside the program's import of some module),
    and only when no compile holds the lock (the program must not wait for one)."""
    from hotwire.runtime import code_cache
    if cache_key is None or not _mode["in_line_loads"] or not _lock.acquire(blocking=False):
        return None
    _per_thread.depth += 1
    try:
        if code in rejected or _mode["refusal"]:
            return None
        from hotwire.runtime import globals_cache
        unit = code_cache.load(code, cache_key, globals_cache.namespace_of(func)[0], counted=False)
        if unit is None:
            return None
        _publish(code, unit)
        _install(func, code, unit)
    except Exception:   # the worker will try again, and record why if it fails too
        return None
    finally:
        _per_thread.depth -= 1
        _lock.release()
    stats.record_compile(code, unit.compile_seconds, on_main_thread=_on_main_thread(), unit=unit)
    return unit


def _on_main_thread():
    return _thread.get_ident() == background.MAIN_THREAD


def compile_now(func, arg_types=None, cache_key=_ABSENT):
    """Compile func's code on this thread (once per code object) and install it on func. Returns the
    unit or None. `cache_key`: made when func became hot (else now)."""
    code = func.__code__
    _per_thread.depth += 1
    try:
        with _lock:
            if code in rejected:
                return None
            unit = units.get(code)
            if unit is None:
                unit = with_signals_held(_compile, func, code, arg_types, cache_key)
                if unit is None:
                    return None
            _install(func, code, unit)
            return unit
    finally:
        _per_thread.depth -= 1


def compile_line_entries(func):
    """Compile func's code (a module's) so that it can be entered at its lines, on this thread, and
    publish and store the unit (runtime/module_entry.py). Returns the unit or None."""
    code = func.__code__
    _per_thread.depth += 1
    try:
        with _lock:
            if code in rejected or code in units:
                return units.get(code)
            unit = with_signals_held(_compile, func, code, None, line_entries_key(code), True)
            if unit is not None:
                _install(func, code, unit)   # the entries check the frame's function's namespace
            return unit
    finally:
        _per_thread.depth -= 1


def load_line_entries(func):
    """The unit compile_line_entries stored for func's code in an earlier run, linked now, or None."""
    code = func.__code__
    if code in units or code in rejected:
        return None
    return with_signals_held(_load_in_line, func, code, line_entries_key(code))


def line_entries_key(code):
    """The cache key of a unit with line entries: made before the code has run, so without feedback."""
    return _cache_key(code, code.co_qualname + " (line entries)", None, feedback=False)


def _install(func, code, unit):
    """The unit's entry on func, with a record of func's namespace (globals_cache.add_namespace).
    The entry checks the code and the namespace at every call, so a change racing with this is safe."""
    from hotwire.runtime import globals_cache
    if func.__code__ is code and globals_cache.add_namespace(unit, func):
        _set_vectorcall(func, unit.entry_address)


def _reject(code, reason):
    rejected[code] = reason
    stats.record_rejection(code, reason)


def _compile(func, code, arg_types, cache_key, line_entries=False):
    """The pipeline for one code object, under _lock and with signals held (a handler's exception
    belongs to the program, not to the compiler, which would take it for a compiler error); records
    the unit or the refusal. `cache_key`: made when func became hot, else (_ABSENT) now."""
    if _mode["refusal"]:
        _reject(code, _mode["refusal"])
        return None
    replaced = replaced_builtins()
    if replaced:
        _reject(code, f"the program had replaced builtins ({', '.join(replaced)}) when it became hot "
                      f"(the compiler runs on the same builtins)")
        return None
    try:
        if cache_key is _ABSENT:
            cache_key = _cache_key(code, func.__qualname__, arg_types)
        unit = _compile_and_publish_checked(func, code, arg_types, cache_key, line_entries)
    except Exception as e:  # a bug in hotwire must never break the program: stay interpreted
        if isinstance(e, _BuiltinsChanged):
            _reject(code, _BuiltinsChanged.reason)
            return None
        builder = sys.modules.get("hotwire.frontend.py312")   # where NotCompilable comes from
        if builder is not None and isinstance(e, builder.NotCompilable):
            _reject(code, str(e))
            return None
        # Also what a program that broke the machinery the compiler runs on gets (an import after
        # `builtins.str` was replaced fails inside importlib).
        _reject(code, f"internal compiler error: {type(e).__name__}: {e}")
        if stats.debug_enabled():
            raise
        return None
    stats.record_compile(code, unit.compile_seconds, on_main_thread=_on_main_thread(), unit=unit)
    return unit


class _BuiltinsChanged(Exception):
    """The builtins dict changed while the compiler ran on the worker thread. The compiler (and the
    modules it uses) calls builtins too: with `builtins.len` replaced for a moment, as the len_global
    seed does, a loop over an operand list could have stopped early, and a wrong unit look right.
    Nothing it made is used or stored, even when the builtins are back as they were; the compile is
    done once more (_compile_and_publish_checked)."""
    reason = ("the program changed a builtin while the compiler ran (the compiler runs on the same "
              "builtins, so what it made is not trusted)")


def _compile_and_publish_checked(func, code, arg_types, cache_key, line_entries):
    """_compile_and_publish, done again once if the builtins changed meanwhile (a program that
    replaces a builtin for a moment has usually put it back: at exit, where the running compile
    finishes, always), else _BuiltinsChanged."""
    for attempt in (1, 2):
        version = _builtins_version()
        try:
            return _compile_and_publish(func, code, arg_types, cache_key, version, line_entries)
        except Exception as e:
            if not isinstance(e, _BuiltinsChanged) and _builtins_version() == version:
                raise
            if attempt == 2:
                raise _BuiltinsChanged from None


def _builtins_version():
    """The builtins dict's version tag, which every change moves (the low 8 bits say which watchers
    watch it)."""
    return ctypes.c_uint64.from_address(id(builtins.__dict__) + off("PyDictObject.ma_version_tag")).value >> 8


def _compile_and_publish(func, code, arg_types, cache_key, builtins_version, line_entries):
    """The unit from the code cache, else compiled (and then stored in the cache)."""
    from hotwire.runtime import code_cache, globals_cache
    namespace = globals_cache.namespace_of(func)
    unit = code_cache.load(code, cache_key, namespace[0]) if cache_key else None
    if unit is None:
        from hotwire.compiler import compile_code   # not imported while the cache has everything
        unit = compile_code(code, func.__qualname__, arg_types, namespace=namespace,
                            own_tool_mask=own_tool_mask(), line_entries=line_entries)
        if _builtins_version() != builtins_version:
            raise _BuiltinsChanged
        if cache_key:
            code_cache.store(cache_key, unit)
    _publish(code, unit)
    return unit


def _publish(code, unit):
    """The unit becomes the code's: functions made from it later get it (the function watcher), the
    JUMP callback finds its OSR entry, and the registry has it."""
    from hotwire.runtime import code_cache, globals_cache
    code_cache.note_program()
    globals_cache.publish_entry(code, unit.entry_address)
    osr.publish(code, unit)
    units[code] = unit


def prepare_in_line():
    """At start-up, on the program's thread, for a program whose earlier run had compiled code (see
    code_cache.set_program): make what linking from the code cache needs (the watchers and the JUMP
    callback, whose machine code is cached too; the machine identity; the modules), so that the first
    hot function's cached machine code is linked at once, in line (_load_in_line). If the helpers'
    machine code is not in the cache (it is made by the worker's first compile, and the units may
    have come from processes that never compiled), LLVM makes it on the worker."""
    from hotwire.runtime import code_cache
    if not code_cache.support_cached("watchers", "jump_callback"):
        background.submit(_prepare_linking)
        return
    _prepare_linking()


def _prepare_linking():
    """(See prepare_in_line.) LLVM is not loaded here: a program whose machine code is all in the
    cache never needs it."""
    import hotwire.compiled_unit  # noqa: F401 (what linking imports, imported outside any callback)
    from hotwire.backend import namespace_records, object_loader, symbol_recipes  # noqa: F401
    from hotwire.frontend import handler_lookup  # noqa: F401
    from hotwire.runtime import code_cache, globals_cache
    with _lock:
        globals_cache.ensure_watchers()
        osr.prepare()
        code_cache.machine_identity()
        _mode["in_line_loads"] = True


def uninstall(func):
    """Back to the interpreter's own vectorcall (e.g. after func.__code__ was replaced)."""
    _set_vectorcall(func, _default_vectorcall)


_fork = {"gate_held": False}


def _before_fork():
    _fork["gate_held"] = _lock.acquire(timeout=FORK_WAIT_SECONDS)


def _after_fork_in_parent():
    if _fork["gate_held"]:
        _lock.release()


def _after_fork_in_child():
    global _lock
    if len(queued):
        # The child has no worker and the counting events of queued codes are disabled: count again.
        queued.clear()
        sys.monitoring.restart_events()
    if _fork["gate_held"]:
        _lock.release()
    else:
        _lock = _thread.RLock()
        _mode["refusal"] = (f"this process was forked while a compile had been running for "
                            f"{FORK_WAIT_SECONDS} s; LLVM's state in it may be inconsistent")


os.register_at_fork(before=_before_fork, after_in_parent=_after_fork_in_parent,
                    after_in_child=_after_fork_in_child)
