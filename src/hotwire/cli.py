"""The command-line front end: run a program the way `python` runs it, with the JIT enabled first.

`hotwire [run] [options] script.py | -m module | -c code [args]` (or `python -m hotwire ...`) must be
indistinguishable from `python script.py` (or -m / -c) for the program: sys.argv, sys.path[0], a fresh
`__main__` in sys.modules, exit statuses, error messages, tracebacks. So each mode does what CPython
3.12's Modules/main.c does, not runpy.run_path() (a temporary module, and its own frames in tracebacks):

- a script file is parsed and run by PyRun_FileExFlags through ctypes, with the file tokenizer CPython
  uses for scripts: compile() on the bytes words several syntax and encoding errors differently;
- `-m module`, and a directory or zip file with `__main__.py`, go through runpy._run_module_as_main like
  under CPython, whose `<frozen runpy>` frames are in their tracebacks there too;
- `-c code` is exec() of the string, which is PyRun_StringFlags as for CPython's -c.

An uncaught exception is re-raised so that the interpreter ends the process as usual (status 1, or death
by SIGINT after KeyboardInterrupt), but sys.excepthook gets the traceback from the program's first frame
on, and that frame counts as recursion depth 1. Still visible: hotwire's frames behind the program's
(sys._getframe().f_back at module level, inspect.stack(), warnings with a stacklevel past the module),
since Python code cannot run a frame on an empty stack; a few more levels of C recursion; and hotwire's
own modules in sys.modules.
"""
import builtins
import ctypes
import os
import sys
from importlib.machinery import BuiltinImporter, SourceFileLoader
from types import ModuleType

import hotwire
from hotwire.backend.layout312 import off

USAGE = "usage: {prog} [run] [options] (script.py | -m module | -c code) [args ...]"

HELP = USAGE + """

Run a Python program on CPython 3.12 with the hotwire JIT enabled. The program sees
what `python script.py` (or `python -m module`, `python -c code`) would give it:
sys.argv, sys.path[0], __main__, exit status, error messages and tracebacks.

Options come before the program; everything after it belongs to the program.
  --threshold N   compile a function once it has been called N times
                  (0: at its first call); default: $HOTWIRE_THRESHOLD, else the
                  runtime's default
  --stats         print what was compiled to stderr at exit (as HOTWIRE_STATS=1)
  -m module       run a library module as a script, like `python -m module`
  -c code         run the program given as a string, like `python -c code`
  -h, --help      show this help and exit
  --version       show the hotwire version and exit

The word `run` is optional: `{prog} script.py` is the same as `{prog} run script.py`.

The program runs with HOTWIRE=1 (and HOTWIRE_THRESHOLD=N for --threshold) in its
environment, so the Python 3.12 processes it starts have the JIT as well.
Functions are compiled on a background thread; HOTWIRE_SYNC=1 compiles them in
line. A call running a hot loop (HOTWIRE_LOOP_THRESHOLD iterations) moves into
compiled code. Machine code is kept in a per-user cache for later runs
(HOTWIRE_CACHE=0: off). See the README for every HOTWIRE_* variable.

`{prog} bench [options]` runs the benchmark harness instead (see `{prog} bench --help`);
`{prog} cache info` shows the code cache and `{prog} cache clear` empties it.
"""

_FILE_INPUT = 257  # Py_file_input: parse a whole module

# CPython's own way of opening a script (audit event, non-inheritable descriptor, OSError on failure)
# and of running one read from a C stdio file.
_fopen = ctypes.pythonapi._Py_fopen_obj
_fopen.argtypes = (ctypes.py_object, ctypes.c_char_p)
_fopen.restype = ctypes.c_void_p
_run_source = ctypes.pythonapi.PyRun_FileExFlags
_run_source.argtypes = (ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int, ctypes.py_object,
                        ctypes.py_object, ctypes.c_int, ctypes.c_void_p)
_run_source.restype = ctypes.py_object
_thread_state = ctypes.pythonapi.PyThreadState_Get
_thread_state.restype = ctypes.c_void_p

_launcher_main = []  # see _start()


class UsageError(Exception):
    """A command line hotwire cannot make sense of; reported with the usage line, status 2."""


def main(argv=None, prog="hotwire"):
    """Run the command line `argv` (default sys.argv[1:]).

    Returns None once the program has finished normally, or an exit status when hotwire itself stops
    (help, version, a usage error, a script that cannot be opened). The program's own exits and
    uncaught exceptions propagate as SystemExit or as the exception itself.
    """
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["cache"]:
        return _cache_command(argv[1:], prog)
    if argv[:1] == ["bench"]:
        # Imported here so that running a program never loads the harness.
        from hotwire.bench.cli import main as bench_main
        return bench_main(argv[1:], prog=f"{prog} bench")
    try:
        request = _parse(argv)
    except UsageError as error:
        sys.stderr.write(f"{USAGE.format(prog=prog)}\n{prog}: error: {error}\n"
                         f"Try '{prog} --help' for more information.\n")
        return 2
    if request == "help":
        sys.stdout.write(HELP.format(prog=prog))
        return 0
    if request == "version":
        sys.stdout.write(f"hotwire {hotwire.__version__}\n")
        return 0
    threshold, stats, mode, target, args = request
    # Child processes (subprocess, multiprocessing, pyperf workers) get the JIT and its settings too,
    # through the autoload .pth (see _hotwire_autoload.py).
    os.environ["HOTWIRE"] = "1"
    if threshold is not None:
        os.environ["HOTWIRE_THRESHOLD"] = str(threshold)
    if stats:
        os.environ["HOTWIRE_STATS"] = "1"
    return _MODES[mode](target, args, threshold)


def _cache_command(args, prog):
    """`hotwire cache info` (where the code cache is, how big, whether it is used) and
    `hotwire cache clear` (remove its entries)."""
    from hotwire.runtime import code_cache
    if args == ["info"]:
        sys.stdout.write(code_cache.info())
        return 0
    if args == ["clear"]:
        removed = code_cache.clear()
        sys.stdout.write(f"removed {removed} entr{'y' if removed == 1 else 'ies'}\n")
        return 0
    sys.stderr.write(f"usage: {prog} cache (info | clear)\n")
    return 2


def _parse(args):
    """'help', 'version', or (threshold, stats, mode, target, program arguments)."""
    if args[:1] == ["run"]:
        args = args[1:]
    threshold, stats, program = None, False, None
    position = 0
    while program is None and position < len(args):
        arg = args[position]
        position += 1
        if arg in ("-h", "--help"):
            return "help"
        if arg == "--version":
            return "version"
        if arg == "--stats":
            stats = True
        elif arg == "--threshold" or arg.startswith("--threshold="):
            if "=" in arg:
                value = arg.partition("=")[2]
            elif position < len(args):
                value, position = args[position], position + 1
            else:
                raise UsageError("--threshold needs a number")
            threshold = _threshold(value, "--threshold")
        elif arg[:2] in ("-m", "-c"):  # like python: `-m mod` or `-mmod`
            program = (arg[1], arg[2:] or None)
        elif arg == "--":
            program = ("file", None)
        elif arg.startswith("-"):
            raise UsageError(f"unknown option {arg!r}")
        else:
            program = ("file", arg)
    if program is None:
        raise UsageError("no program given: name a script, or use -m module or -c code")
    mode, target = program
    if target is None:  # the value is the next argument: `-m mod`, `-- script.py`
        if position == len(args):
            raise UsageError("no program given after " + args[position - 1])
        target, position = args[position], position + 1
    if threshold is None and os.environ.get("HOTWIRE_THRESHOLD"):
        threshold = _threshold(os.environ["HOTWIRE_THRESHOLD"], "HOTWIRE_THRESHOLD")
    if os.environ.get("HOTWIRE_LOOP_THRESHOLD"):
        _threshold(os.environ["HOTWIRE_LOOP_THRESHOLD"], "HOTWIRE_LOOP_THRESHOLD")   # checked here, read by enable()
    return threshold, stats, mode, target, args[position:]


def _threshold(text, source):
    """The value of --threshold, HOTWIRE_THRESHOLD or HOTWIRE_LOOP_THRESHOLD (named by `source`): an
    integer >= 0."""
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise UsageError(f"{source} must be a non-negative integer, not {text!r}")
    return value


def _run_file(path, args, threshold):
    """`python path args`: a script, or a directory or zip file holding `__main__.py`."""
    # CPython makes the name absolute without normalising it: '/cwd/./a/../x.py'.
    filename = os.getcwd() if path in ("", ".") else os.path.join(os.getcwd(), path)
    if _importer(filename) is not None:
        import runpy
        _start([path, *args], filename, threshold, keep_path0=True)
        sys.audit("cpython.run_module", "__main__")
        _execute(runpy._run_module_as_main, "__main__", False)
        return None
    sys.audit("cpython.run_file", filename)
    try:
        stream = _fopen(filename, b"rb")
    except OSError as error:
        sys.stderr.write(f"{sys.orig_argv[0]}: can't open file {filename!r}: "
                         f"[Errno {error.errno}] {error.strerror}\n")
        return 2
    module = _start([path, *args], os.path.dirname(os.path.realpath(path)), threshold)
    module.update(__file__=filename, __cached__=None)
    module["__loader__"] = SourceFileLoader("__main__", filename)
    _execute(_run_source, stream, os.fsencode(filename), _FILE_INPUT, module, module, 1, None,
             script_globals=module)
    return None


def _run_module(name, args, threshold):
    """`python -m name args`."""
    import runpy
    _start(["-m", *args], os.getcwd(), threshold)
    sys.audit("cpython.run_module", name)
    _execute(runpy._run_module_as_main, name, True)


def _run_command(code, args, threshold):
    """`python -c code args`; CPython appends a newline to the command."""
    module = _start(["-c", *args], "", threshold)
    sys.audit("cpython.run_command", code + "\n")
    _execute(exec, code + "\n", module)


_MODES = {"file": _run_file, "m": _run_module, "c": _run_command}


def _importer(path):
    """What PyImport_GetImporter finds for the script path: a zip importer or a directory finder
    (then CPython runs its `__main__`), or None for a plain file. Cached the same way."""
    cache = sys.path_importer_cache
    if path not in cache:
        cache[path] = None
        for hook in sys.path_hooks:
            try:
                cache[path] = hook(path)
                break
            except ImportError:
                continue
    return cache[path]


def _start(argv, path0, threshold, keep_path0=False):
    """Enable the JIT, then give the program CPython's sys.argv, sys.path[0] and a fresh `__main__`.

    The launcher's own sys.path[0] (its directory, or the cwd for `python -m hotwire`) is replaced; with
    -P / PYTHONSAFEPATH there is none and CPython adds none, except a directory or zip being run
    (`keep_path0`). The JIT is enabled before the program's directory is on sys.path, so that the
    runtime's imports cannot pick up the program's modules.

    The launcher's `__main__` module stays referenced: after an uncaught error, CPython's
    _PyRun_SimpleFileObject (running the `hotwire` console script) releases that module and then
    still deletes `__file__` from its dict, which would be freed memory by then.
    """
    script = argv[0] if argv and argv[0] not in ("-m", "-c") else None
    hotwire.enable(threshold=threshold, program=os.path.abspath(script) if script else None)
    sys.argv[:] = argv
    if not sys.flags.safe_path:
        del sys.path[0]
    if keep_path0 or not sys.flags.safe_path:
        sys.path.insert(0, path0)
    _launcher_main.append(sys.modules["__main__"])
    module = ModuleType("__main__")  # as CPython's: __name__, __doc__, __package__, __loader__, __spec__
    module.__loader__ = BuiltinImporter
    module.__annotations__ = {}
    module.__builtins__ = builtins
    sys.modules["__main__"] = module
    return module.__dict__


def _execute(run, *args, script_globals=None):
    """Run the program as `run(*args)`: this frame is the last of hotwire's below the program's.

    The frames below are taken off the thread's recursion depth while the program runs, so that
    RecursionError and sys.setrecursionlimit() see the depths they see under CPython.
    For a script file (`script_globals`), also what _PyRun_SimpleFileObject does around the run: flush
    stderr and stdout, and drop `__file__` and `__cached__` from `__main__` once any error has been
    reported (not on SystemExit: CPython exits before that).
    """
    def finish():
        if script_globals is not None:
            script_globals.pop("__file__", None)
            script_globals.pop("__cached__", None)

    remaining = ctypes.c_int.from_address(_thread_state() + off("PyThreadState.py_recursion_remaining"))
    below = sys.getrecursionlimit() - remaining.value
    remaining.value += below
    try:
        run(*args)
    except BaseException as exc:
        if script_globals is not None:
            _flush_io()
        if not isinstance(exc, SystemExit):
            _report_as_cpython(exc, exc.__traceback__.tb_next, finish)
        raise
    finally:
        remaining.value -= below
    if script_globals is not None:
        _flush_io()
    finish()


def _flush_io():
    """CPython's flush_io(), run after a script file."""
    for stream in (sys.stderr, sys.stdout):
        try:
            stream.flush()
        except Exception:  # CPython's flush_io() ignores every error here
            pass


def _report_as_cpython(exc, tb, finish):
    """Have the interpreter's report of `exc` show traceback `tb` (the program's frames only).

    `exc` is re-raised through hotwire's frames, which adds them to its traceback again; a one-shot
    sys.excepthook puts the short traceback back before the program's own hook (or the default one) runs.
    """
    hook = getattr(sys, "excepthook", None)

    def excepthook(exc_type, value, _tb):
        if hook is None:
            del sys.excepthook
        else:
            sys.excepthook = hook
        value.__traceback__ = sys.last_traceback = tb
        _call_excepthook(hook, exc_type, value, tb)
        finish()  # skipped if the hook raised SystemExit: CPython exits at once then

    sys.excepthook = excepthook


def _call_excepthook(hook, exc_type, value, tb):
    """The part of CPython's PyErr_Print that calls sys.excepthook, with its messages."""
    if hook is None:
        sys.stderr.write("sys.excepthook is missing\n")
        sys.__excepthook__(exc_type, value, tb)
        return
    try:
        hook(exc_type, value, tb)
    except SystemExit:
        raise
    except BaseException as error:
        error.__traceback__ = error.__traceback__.tb_next  # not this frame
        sys.stderr.write("Error in sys.excepthook:\n")
        sys.__excepthook__(type(error), error, error.__traceback__)
        sys.stderr.write("\nOriginal exception was:\n")
        sys.__excepthook__(exc_type, value, tb)
