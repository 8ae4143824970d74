"""The background compiler: one worker thread that runs compile jobs while the program goes on.

Why a thread helps at all: llvmlite releases the GIL while LLVM optimises and generates code, which is
most of a compile, so the program keeps running in the interpreter meanwhile. The Python stages (IR
building, passes, lowering) take turns with the program at the interpreter's switch interval.

The worker is made with `_thread`, not `threading`: it is invisible to `threading.enumerate()` and
`threading.active_count()` (a program sees the threads it made, as under CPython) and, like a daemon
thread, it does not keep the process alive. It is started by a job when none is running and ends when
the queue is empty. It imports the compiler and LLVM itself, on its own thread, so the first hot
function costs the main thread nothing: an import on another thread waits for a module the program is
importing to finish, where an import inside a monitoring callback on the program's thread would meet
that module half-initialised.

Lifecycle rules:
- **Signals** are blocked on the worker: the kernel delivers them to the main thread, whose handlers
  run between the program's bytecodes as always.
- **Shutdown** (`shutdown()`, called at exit by the runtime): queued jobs are dropped and the job being
  run finishes, because LLVM's static destructors would run under a thread still inside LLVM, and
  because its machine code then goes to the code cache: a program that ends before its first compile
  does (most short ones) runs compiled code from its next run on, where stopping the job half-way
  would have made every run start from nothing.
- **fork()**: the child has no worker thread. Its queue is emptied and a new worker starts with the
  child's first job (install.py makes sure no compile is half-way through LLVM when the fork happens).
  A fork while the worker runs makes CPython 3.12 warn that the process is multi-threaded.
"""
import _signal
import _thread
import os
import sys
import time

# The thread hotwire is imported on: the program's main thread (the autoload at start-up, `hotwire
# run`, or the program's own `import hotwire`).
MAIN_THREAD = _thread.get_ident()

COMPILE_SWITCH_INTERVAL = 0.0005
SHUTDOWN_WAIT_SECONDS = 60   # the longest compile seen here takes 3 s (engine.BIG_FUNCTION_LINES)


class _Worker:
    jobs = []                       # (job, args) in submission order
    state = None                    # guards `alive` and the queue against the worker's check to exit
    running = None                  # held while a job runs
    alive = False
    closed = False


def _fresh_state():
    _Worker.jobs = []
    _Worker.state = _thread.allocate_lock()
    _Worker.running = _thread.allocate_lock()
    _Worker.alive = False


_fresh_state()


def submit(job, *args):
    """Run job(*args) on the worker thread. False when the compiler has shut down (at exit), or for a
    first job from a thread other than the main one while nothing has imported `threading` yet.

    `threading` takes the thread that first imports it for the main thread, and at exit waits for that
    thread to end; the compiler's modules import it. So it is imported here, on the program's main
    thread, before the first worker starts (not by `import hotwire`: with functools and collections,
    which it imports, it was a third of what hotwire added to a short script's start-up). A first job
    from another thread of a program that never imported threading (one made with `_thread`) is
    declined: the function is counted on and compiled later, from the main thread."""
    if _Worker.closed:
        return False
    if "threading" not in sys.modules:
        if _thread.get_ident() != MAIN_THREAD:
            return False
        import threading  # noqa: F401
    with _Worker.state:
        _Worker.jobs.append((job, args))
        if not _Worker.alive:
            _Worker.alive = True
            _thread.start_new_thread(_run, ())
    return True


def _run():
    """The worker: runs jobs until the queue is empty, then ends (a fork() while nothing compiles then
    sees a single-threaded process, as under CPython; the next job starts a new worker)."""
    _signal.pthread_sigmask(_signal.SIG_BLOCK, _signal.valid_signals())
    while True:
        with _Worker.running:   # taken before the job leaves the queue: pending() never misses it
            with _Worker.state:
                if not _Worker.jobs or _Worker.closed:
                    _Worker.alive = False
                    return
                job, args = _Worker.jobs.pop(0)
            try:
                with_short_switch_interval(job, args)
            except BaseException:  # a job records its own failures; the worker must go on
                pass


def with_short_switch_interval(job, args):
    """While a job runs, the interpreter switches threads every COMPILE_SWITCH_INTERVAL instead of
    every 5 ms. llvmlite releases the GIL at each of its many calls into LLVM, and each time the worker
    waited up to a whole interval for the program to give the GIL back: a 0.1 s compile took 0.9 s of
    wall time while a hot loop ran (str_of_int seed). The program's own setting is restored after the
    job, unless the program changed it meanwhile."""
    previous = sys.getswitchinterval()
    sys.setswitchinterval(min(previous, COMPILE_SWITCH_INTERVAL))
    try:
        job(*args)
    finally:
        if sys.getswitchinterval() == min(previous, COMPILE_SWITCH_INTERVAL):
            sys.setswitchinterval(previous)


def pending():
    """Jobs waiting or running (for tests and explain())."""
    return len(_Worker.jobs) + _Worker.running.locked()


def wait_idle(timeout):
    """Wait until every job submitted so far has run. True if it happened within `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while pending():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.001)
    return True


def shutdown():
    """No more jobs: drop the queued ones and wait for the running one (see the module docstring)."""
    _Worker.closed = True
    with _Worker.state:
        _Worker.jobs.clear()
    if _Worker.running.acquire(timeout=SHUTDOWN_WAIT_SECONDS):
        _Worker.running.release()


def _after_fork_in_child():
    _fresh_state()


os.register_at_fork(after_in_child=_after_fork_in_child)
