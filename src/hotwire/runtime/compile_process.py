"""Compiling in a forked process: the program never runs the compiler, never holds LLVM, never waits.

Compiling on a thread of the program (background.py) costs the program: the compiler's Python stages
take the GIL in turns with it, LLVM adds 70-80 MB to its memory, and at exit it waits for the running
compile (else that machine code would be lost for its later runs: a program shorter than its first
compile waited for it in every run). A fork of the program taken when a function becomes hot has
everything the compiler reads (the code, its quickened instructions, the globals, the types, at the
same addresses) and runs on another core. It compiles, stores the machine code in the code cache, and
says so on a pipe; the program links the units from the cache (backend/object_loader.py, a
millisecond, no LLVM) as soon as that message comes, and exits whenever it is done: a compile still
running then finishes on its own, for the next run.

The fork must change nothing the program can see:
- `fork()` from libc, called with the GIL held, not `os.fork()`: that one runs the program's
  `os.register_at_fork` hooks, an audit hook, and warns in a multi-threaded process. Only from the
  main thread, only when the process has no other thread (a thread waiting for the GIL at that
  instant would leave the child a GIL it can never take back), with the program's signal handlers
  held (install.with_signals_held) and the cyclic GC off across the fork (a collection in the child
  would run the program's finalisers a second time).
- The child first makes the interpreter whole again (`PyOS_AfterFork_Child`) with the interpreter's
  list of after-fork hooks emptied (they are the program's), forks once more and exits at once: the
  program never has a child of ours to see (`os.wait()`, a SIGCHLD handler), so hotwire forks only
  while SIGCHLD is not handled by the program. The grandchild leaves the session and the program's
  files (/dev/null for 0, 1 and 2, every other descriptor closed: a pipe the program's parent reads to
  its end must not stay open), turns off tracing, profiling and every monitoring tool, ignores
  SIGINT (Ctrl-C is for the program), and dies after TIME_LIMIT_SECONDS whatever happens.
- The program learns of the result on a waiter thread (`_thread`, signals blocked, invisible to
  `threading`), which links and installs what the child stored, as the background worker would have
  compiled it, and then ends.

One compile process at a time: functions that become hot while one runs wait in `_state["batch"]`
and go to the next one, forked at the next hotness callback once the waiter thread has ended.
What a compile process cannot deliver goes the old way: a unit that cannot be stored in the code
cache (one that calls a frameless clone not named by a global, say) is compiled again by the
background worker; a compile
the compiler refused is refused here too, with its reason; a compile process that ended without a
word (killed, crashed) leaves its functions to the interpreter, and explain() says so.
HOTWIRE_COMPILE_PROCESS=0 (or a code cache switched off) compiles on the background thread instead.
"""
import _frozen_importlib
import _imp
import _signal
import _thread
import ctypes
import gc
import marshal
import os
import sys
import time
import weakref

from hotwire.backend.layout312 import off
from hotwire.runtime import background, install, stats

TIME_LIMIT_SECONDS = 120       # a compile process is killed after this (the longest compile seen: 3 s)
INTERMEDIATE_WAIT_SECONDS = 5  # the first child only forks and exits
IMPORT_WAIT_SECONDS = 0.5      # how long a batch waits for the program's imports to end
PROCESS_NAME = "hotwire-compile"   # at most 15 characters (the kernel's comm)
# fork() copies the page tables while the program waits (22 ms for 1 GiB resident, measured here with
# the test suite running), and each page the program writes while the child lives is copied once:
# past this size, the background thread costs the program less.
MAX_RESIDENT_BYTES = 2 << 30
_PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
_PR_SET_NAME = 15

_libc = ctypes.PyDLL(None)     # PyDLL: the GIL stays held across the call
_fork = _libc.fork
_fork.restype = ctypes.c_int
_fork.argtypes = []
_reinit_after_fork = ctypes.pythonapi.PyOS_AfterFork_Child
_reinit_after_fork.restype = None
_main_interpreter = ctypes.pythonapi.PyInterpreterState_Main
_main_interpreter.restype = ctypes.c_void_p

_delivering = _thread.allocate_lock()       # held while the waiter delivers; shutdown takes it
_MAIN_THREAD_ID = _thread.get_native_id()   # hotwire is imported on the main thread (background.py)
# running: a compile process (or the waiter thread that heard from it) exists; batch: jobs for the
# next one; waiter: the waiter thread's native id while it lives; closed: the program is exiting
_state = {"running": False, "batch": [], "waiter": None, "closed": False, "processes": 0, "read_fd": None,
          "import_wait_since": None}


def refusal():
    """Why functions cannot be compiled in a compile process now, or None."""
    return _refusal_besides_threads() or ("the program has other threads" if _other_threads()[0] else None)


def _refusal_besides_threads():
    if os.environ.get("HOTWIRE_COMPILE_PROCESS", "1") == "0":
        return "HOTWIRE_COMPILE_PROCESS=0"
    if not sys.platform.startswith("linux"):
        return "compile processes need Linux (/proc, fork)"
    if _state["closed"]:
        return "the program is exiting"
    if _signal.getsignal(_signal.SIGCHLD) not in (_signal.SIG_DFL, _signal.SIG_IGN):
        return "the program handles SIGCHLD"
    if _resident_bytes() > MAX_RESIDENT_BYTES:
        return "the program is too big to fork quickly"
    return None


def _resident_bytes():
    """This process's resident memory (/proc/self/statm: pages)."""
    with open("/proc/self/statm", "rb") as f:
        return int(f.read().split()[1]) * _PAGE_SIZE


def _other_threads():
    """(the native ids of the threads other than the main one and the waiter, whether the last waiter
    thread still exists), from /proc/self/task."""
    tids = set(map(int, os.listdir("/proc/self/task")))
    tids.discard(_MAIN_THREAD_ID)
    waiter = _state["waiter"]
    if waiter in tids:
        tids.discard(waiter)
        return tids, True
    _state["waiter"] = None
    return tids, False


def submit(code, func, arg_types, cache_key):
    """Compile func's code in a compile process (now, or in the next one when one runs, or at the main
    thread's next hotness callback when this is another thread: only the main thread forks). False
    when that cannot be done (then the caller compiles it on the background thread)."""
    if cache_key is None or refusal() is not None:
        return False
    _state["batch"].append((code, weakref.ref(func), arg_types, cache_key, False))
    flush()
    return True


def submit_line_entries(code, func, cache_key):
    """Compile module code with line entries (runtime/module_entry.py) in a compile process forked
    now. False when none can be forked now (then the caller compiles it in line, as before)."""
    if cache_key is None or refusal() is not None or _state["running"] or _state["batch"] \
            or _thread.get_ident() != background.MAIN_THREAD:
        return False
    if _other_threads()[1] or _importing():
        return False
    started = _fork_unless_compiling([(code, weakref.ref(func), None, cache_key, True)])
    if started:
        install.queued[code] = True
    return bool(started)


def has_batch():
    return bool(_state["batch"])


def waiting(code):
    """True when `code` waits in the batch while no compile process runs: its hotness events must
    stay on, so that a callback forks the next one (flush) once the last waiter thread has ended."""
    return not _state["running"] and any(job[0] is code for job in _state["batch"])


def flush():
    """Fork a compile process for the batch, if there is one and none runs. The waiter thread of the
    last one may still be ending (then a later callback tries again); a program that started a
    thread meanwhile gets the batch compiled on the background thread."""
    if not _state["batch"] or _state["running"] or _thread.get_ident() != background.MAIN_THREAD:
        return
    others, waiter_alive = _other_threads()
    if others or _refusal_besides_threads() is not None:
        _batch_to_background()
        return
    if _importing():
        # The child could not import what the compiler needs (a module half-way through its import
        # stays half-way there for ever). Soon done, usually; else the background thread, whose
        # imports wait for the program's to finish.
        since = _state["import_wait_since"] = _state["import_wait_since"] or time.monotonic()
        if time.monotonic() - since > IMPORT_WAIT_SECONDS:
            _batch_to_background()
        return
    _state["import_wait_since"] = None
    # The waiter hands what the code cache cannot take to the background worker, which needs
    # `threading` imported on this thread (background.submit); no import runs now (_importing).
    import threading  # noqa: F401
    if waiter_alive:
        return   # the last waiter is ending: a later callback forks
    jobs, _state["batch"] = _state["batch"], []   # (what becomes hot meanwhile waits for the next)
    started = _fork_unless_compiling(jobs)
    if started is None:   # a compile runs on the background thread: a later callback forks
        _state["batch"][:0] = jobs
    elif not started:
        _to_background(jobs)


def _fork_unless_compiling(jobs):
    """Fork the compile process for `jobs` under the compile lock, with the program's signals held:
    True when it runs, False when the fork failed, None when a compile holds the lock (LLVM may be
    half-way through something the child would inherit)."""
    if not install.compile_lock().acquire(blocking=False):
        return None
    try:
        return install.with_signals_held(_start, jobs)
    finally:
        install.compile_lock().release()


def _importing():
    """True while the program imports a module (its import lock exists) or holds the import lock."""
    return bool(_frozen_importlib._module_locks) or _imp.lock_held()


def _batch_to_background():
    jobs, _state["batch"] = _state["batch"], []
    _to_background(jobs)


def _to_background(jobs):
    """(Function jobs only: line entries are never batched.)"""
    for code, func_ref, arg_types, cache_key, _ in jobs:
        if not background.submit(install.compile_queued, code, func_ref, arg_types, cache_key):
            install.queued.discard(code)


def _start(jobs):
    """Fork the compile process for `jobs` (in the parent: True when it runs)."""
    read_fd, write_fd = os.pipe()
    collecting = gc.isenabled()
    gc.disable()
    try:
        pid = _fork()
        if pid == 0:
            _in_child(jobs, read_fd, write_fd)   # never returns
    finally:
        if collecting:
            gc.enable()
    os.close(write_fd)
    if pid < 0 or not _reap(pid):
        os.close(read_fd)
        return False
    _state["running"] = True
    _state["processes"] += 1
    _state["read_fd"] = read_fd
    known = _thread.allocate_lock()
    known.acquire()
    _thread.start_new_thread(_wait_for, (read_fd, jobs, known))
    known.acquire()   # until the waiter has said which thread it is (else it looks like the program's)
    return True


def _reap(pid):
    """Wait for the first child, which forks and exits at once. True when it did."""
    deadline = time.monotonic() + INTERMEDIATE_WAIT_SECONDS
    while True:
        try:
            done, status = os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:   # SIGCHLD ignored: the kernel reaped it
            return True
        if done:
            return os.waitstatus_to_exitcode(status) == 0
        if time.monotonic() > deadline:
            os.kill(pid, _signal.SIGKILL)
            os.waitpid(pid, 0)
            return False
        time.sleep(0.0002)


# ---- in the compile process -------------------------------------------------------------------------

def _in_child(jobs, read_fd, write_fd):
    """The first child: whole again, then the grandchild that compiles. Neither returns to the
    program's code: whatever happens, the process ends here."""
    try:
        _without_program_hooks()
        os.close(read_fd)
        if _fork() != 0:
            os._exit(0)
        _detach(write_fd)
        _compile(jobs, write_fd)
    finally:
        os._exit(0)


def _without_program_hooks():
    """PyOS_AfterFork_Child (a new GIL, the other threads' states dropped, the import lock and the
    signal flags reset) without the hooks registered with os.register_at_fork: the list is emptied
    in this process only (its reference is dropped with the process)."""
    hooks = _main_interpreter() + off("PyInterpreterState.after_forkers_child")
    ctypes.c_void_p.from_address(hooks).value = None
    _reinit_after_fork()


def _detach(keep_fd):
    """Out of the program's session, files, tracers and signal handlers (see the module docstring),
    and named PROCESS_NAME (what `ps` and /proc/<pid>/comm show)."""
    _libc.prctl(_PR_SET_NAME, PROCESS_NAME.encode(), 0, 0, 0)
    os.setsid()
    null = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(null, fd)
    os.closerange(3, keep_fd)
    os.closerange(keep_fd + 1, os.sysconf("SC_OPEN_MAX"))
    sys.settrace(None)
    sys.setprofile(None)
    for tool in range(6):
        if sys.monitoring.get_tool(tool) is not None:
            sys.monitoring.set_events(tool, 0)
    _signal.signal(_signal.SIGINT, _signal.SIG_IGN)
    ending = {_signal.SIGTERM, _signal.SIGHUP, _signal.SIGALRM}
    for signum in ending:
        _signal.signal(signum, _signal.SIG_DFL)
    _signal.pthread_sigmask(_signal.SIG_UNBLOCK, ending)
    _signal.alarm(TIME_LIMIT_SECONDS)


def _compile(jobs, write_fd):
    """Compile each job (the unit goes to the code cache), make hotwire's C-level helpers (they go
    there too: the program links them without LLVM), and report [(outcome, detail, seconds)]."""
    results = []
    try:
        for code, func_ref, arg_types, cache_key, line_entries in jobs:
            results.append(_compile_one(code, func_ref(), arg_types, cache_key, line_entries))
        from hotwire.runtime import globals_cache, osr
        globals_cache.ensure_watchers()
        osr.prepare()
    except Exception as e:   # a bug here: what is left is refused, with the reason
        reason = f"internal error in its compile process: {type(e).__name__}: {e}"
        results += [("rejected", reason, 0.0)] * (len(jobs) - len(results))
    data = marshal.dumps(results)
    while data:
        data = data[os.write(write_fd, data):]


def _compile_one(code, func, arg_types, cache_key, line_entries):
    if func is None or func.__code__ is not code:
        return ("gone", None, 0.0)
    start = time.perf_counter()
    if line_entries:
        unit = install.compile_line_entries(func)
    else:
        unit = install.compile_now(func, arg_types, cache_key=cache_key)
    seconds = time.perf_counter() - start
    if unit is None:
        return ("rejected", install.rejected.get(code, "not compiled"), seconds)
    if unit.uncacheable is not None:
        return ("uncacheable", unit.uncacheable, seconds)
    return ("stored", None, seconds)


# ---- back in the program ----------------------------------------------------------------------------

def _wait_for(read_fd, jobs, known):
    """The waiter thread: the compile process's report, then each job's unit linked and installed.
    Nothing is delivered once the program has begun to exit (shutdown takes `_delivering`), and no
    error leaves this thread (it would be printed, maybe while the interpreter finalises)."""
    _signal.pthread_sigmask(_signal.SIG_BLOCK, _signal.valid_signals())
    _state["waiter"] = _thread.get_native_id()
    known.release()
    try:
        chunks = []
        try:
            while True:
                chunk = os.read(read_fd, 65536)
                if not chunk:
                    break
                chunks.append(chunk)
        finally:
            _state["read_fd"] = None
            os.close(read_fd)
        results = _report(b"".join(chunks), len(jobs))
        with _delivering:
            if not _state["closed"]:
                background.with_short_switch_interval(_deliver, (jobs, results))
    except BaseException:   # each job records its own failures; nothing may reach the program
        pass
    finally:
        with _delivering:
            _state["running"] = False
            if not _state["closed"]:
                sys.monitoring.restart_events()   # the batch's codes: their next callback forks again


def _report(data, count):
    """The compile process's results, or None when it ended without a whole report."""
    try:
        results = marshal.loads(data)
    except (EOFError, ValueError, TypeError):
        return None
    if type(results) is not list or len(results) != count:
        return None
    return results


def _deliver(jobs, results):
    for index, (code, func_ref, arg_types, cache_key, line_entries) in enumerate(jobs):
        if results is None:
            install.reject_queued(code, "its compile process ended without a result (killed, or crashed: "
                                        "compiling it in the program could crash the program too)")
            continue
        outcome, detail, seconds = results[index]
        stats.record_compile_process(seconds)
        if outcome == "rejected":
            install.reject_queued(code, detail)
        elif outcome == "gone":
            install.queued.discard(code)
        elif line_entries:
            _enter_at_lines(code, func_ref())
        elif outcome == "stored":
            install.compile_queued(code, func_ref, arg_types, cache_key)   # a hit in the code cache
        else:   # uncacheable: the background worker compiles it again
            _to_background([jobs[index]])


def _enter_at_lines(code, func):
    """The module code's unit with line entries, from the cache, entered at its next line (if the
    module still runs: usually its long line was its last)."""
    from hotwire.runtime import module_entry, osr
    try:
        unit = func is not None and install.compile_line_entries(func)
        if unit:
            with install.compile_lock():
                osr.prepare()
            module_entry.enter_at_lines(code)
    finally:
        install.queued.discard(code)


def running_processes():
    """The pids of the compile processes on this machine (any program's: they are detached), by name."""
    pids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/comm", "rb") as f:
                    if f.read().strip() == PROCESS_NAME.encode():
                        pids.append(int(entry))
            except OSError:   # it ended meanwhile
                pass
    return pids


def wait_for_processes(timeout):
    """Wait until no compile process runs on this machine (a benchmark's next run, a test's next run
    of the same program). True if that happened within `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while running_processes():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


def shutdown():
    """At exit: no more compile processes; the batch is dropped (a running one finishes alone, and
    stores its units for the next run); a delivery under way ends first (it links from the cache:
    milliseconds), none starts after."""
    with _delivering:
        _state["closed"] = True
        _state["batch"].clear()


def _after_fork_in_child():
    """The program forked (os.fork): its child has no waiter thread. The jobs sent to the compile
    process are counted again there (install clears `queued`); the batch goes the same way."""
    global _delivering
    if _state["read_fd"] is not None:
        os.close(_state["read_fd"])
    _state.update(running=False, batch=[], waiter=None, read_fd=None)
    _delivering = _thread.allocate_lock()   # the waiter may have held it: it is not in this child


os.register_at_fork(after_in_child=_after_fork_in_child)
