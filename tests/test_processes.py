"""Whole processes: the HOTWIRE=1 autoload, child processes, and the background compiler.

Every scenario is a fresh interpreter running a small program from a temporary directory; what the
program saw comes back as one `RESULT <json>` line on stdout, and compiled-or-not is read from the
runtime's own answers (hotwire.is_compiled, hotwire.stats, HOTWIRE_STATS_FILE), never from timings.
"""
import json
import os
import subprocess
import sys
import sysconfig
import textwrap
from pathlib import Path

import pytest

TIMEOUT = 120
PYTHON311 = Path("/root/.pyenv/versions/3.11.7/bin/python3")
CONSOLE_SCRIPT = Path(sys.executable).parent / "hotwire"

# A function that turns hot quickly and whose result says whether it ran right.
WORK = '''
def work(n):
    total = 0
    for i in range(n):
        total += i % 7
    return total
'''


def _env(**extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith("HOTWIRE")}
    env.pop("PYTHONSTARTUP", None)
    env.update(extra)
    return {k: v for k, v in env.items() if v is not None}


def run_program(tmp_path, source, args=(), launcher=(sys.executable,), with_work=False, **env):
    """Run `source` (after WORK if `with_work`) as prog.py under `launcher`; returns (parsed RESULT or
    None, CompletedProcess)."""
    prog = tmp_path / "prog.py"
    prog.write_text((WORK if with_work else "") + textwrap.dedent(source).lstrip("\n"))
    proc = subprocess.run([*map(str, launcher), str(prog), *args], cwd=tmp_path, env=_env(**env),
                          capture_output=True, text=True, timeout=TIMEOUT)
    result = None
    for line in proc.stdout.splitlines():
        if line.startswith("RESULT "):
            result = json.loads(line[len("RESULT "):])
    return result, proc


def assert_ok(result, proc):
    assert proc.returncode == 0 and result is not None, \
        f"exit {proc.returncode}\nstdout:\n{proc.stdout}\nstderr:\n{proc.stderr}"


# ---- the autoload .pth ------------------------------------------------------------------------------

def test_autoload_pth_is_installed_in_site_packages():
    pth = Path(sysconfig.get_path("purelib")) / "hotwire-autoload.pth"
    assert pth.read_text().startswith("import ")


@pytest.mark.parametrize("value, enabled", [("1", True), ("0", False), ("", False), (None, False)])
def test_HOTWIRE_in_the_environment_enables_the_jit_at_start_up(tmp_path, value, enabled):
    source = '''
    import json, sys
    loaded = "hotwire" in sys.modules
    results = [work(1000) for _ in range(5)]
    compiled = loaded and sys.modules["hotwire"].is_compiled(work)
    print("RESULT " + json.dumps({"loaded": loaded, "compiled": compiled, "results": results}))
    '''
    result, proc = run_program(tmp_path, source, with_work=True, HOTWIRE=value, HOTWIRE_THRESHOLD="2", HOTWIRE_SYNC="1")
    assert_ok(result, proc)
    assert result == {"loaded": enabled, "compiled": enabled, "results": [2997] * 5}
    assert proc.stderr == ""


def test_bad_setting_in_the_environment_is_one_line_and_the_program_runs(tmp_path):
    result, proc = run_program(tmp_path, 'import sys; print("RESULT " + str("hotwire" in sys.modules).lower())',
                               HOTWIRE="1", HOTWIRE_THRESHOLD="soon")
    assert_ok(result, proc)
    assert proc.stderr == ("hotwire: HOTWIRE=1 ignored: HOTWIRE_THRESHOLD must be a non-negative "
                           "integer, not 'soon'\n")


@pytest.mark.skipif(not PYTHON311.exists(), reason="needs CPython 3.11 at " + str(PYTHON311))
def test_python_3_11_reading_the_pth_does_nothing(tmp_path):
    """Even when a 3.11 interpreter reads our site-packages (and so the .pth) with HOTWIRE=1."""
    site_packages = sysconfig.get_path("purelib")
    source = f'''
    import site, sys
    site.addsitedir({site_packages!r})
    print("RESULT " + str("hotwire" in sys.modules or "_hotwire_autoload" in sys.modules).lower())
    '''
    result, proc = run_program(tmp_path, source, launcher=(PYTHON311,), HOTWIRE="1")
    assert_ok(result, proc)
    assert result is False and proc.stderr == ""


# ---- child processes of `hotwire run` ---------------------------------------------------------------

CHILD_REPORT = WORK + '''
import hotwire, json, os, sys
results = [work(1000) for _ in range(5)]
print("RESULT " + json.dumps({"compiled": hotwire.is_compiled(work), "results": results,
                              "HOTWIRE": os.environ.get("HOTWIRE"),
                              "threshold": os.environ.get("HOTWIRE_THRESHOLD")}))
'''


def test_subprocess_child_of_hotwire_run_is_compiled_with_inherited_settings(tmp_path):
    (tmp_path / "child.py").write_text(CHILD_REPORT)
    source = '''
    import subprocess, sys
    child = subprocess.run([sys.executable, "child.py"], capture_output=True, text=True)
    sys.stdout.write(child.stdout)
    sys.stderr.write(child.stderr)
    '''
    stats = tmp_path / "stats-%p.json"
    result, proc = run_program(tmp_path, source, args=(), launcher=(CONSOLE_SCRIPT, "run", "--threshold", "2"),
                               HOTWIRE_SYNC="1", HOTWIRE_STATS_FILE=str(stats), HOTWIRE_ONLY=str(tmp_path))
    assert_ok(result, proc)
    assert result == {"compiled": True, "results": [2997] * 5, "HOTWIRE": "1", "threshold": "2"}
    # One stats file per process (%p): the parent compiled nothing of its own, the child `work`.
    reports = [json.loads(p.read_text()) for p in tmp_path.glob("stats-*.json")]
    assert sorted(r["compiled_functions"] for r in reports) == [[], ["work (child.py:2)"]]


@pytest.mark.parametrize("method", ["spawn", "fork", "forkserver"])
def test_multiprocessing_workers_are_compiled(tmp_path, method):
    (tmp_path / "tasks.py").write_text(WORK + '''
def task(n):
    import hotwire
    results = [work(n) for _ in range(5)]
    return results, hotwire.is_compiled(work)
''')
    source = f'''
    import json, multiprocessing, tasks
    if __name__ == "__main__":
        with multiprocessing.get_context({method!r}).Pool(2) as pool:
            out = pool.map(tasks.task, [1000, 2000])
        print("RESULT " + json.dumps(out))
    '''
    result, proc = run_program(tmp_path, source, launcher=(CONSOLE_SCRIPT, "run", "--threshold", "2"),
                               HOTWIRE_SYNC="1", HOTWIRE_ONLY=str(tmp_path))
    assert_ok(result, proc)
    assert result == [[[2997] * 5, True], [[5995] * 5, True]]


# ---- the background compiler ------------------------------------------------------------------------

def test_program_runs_on_while_the_worker_compiles_and_no_thread_shows(tmp_path):
    source = '''
    import hotwire, json, threading, time
    from hotwire.runtime import background
    calls, threads = 0, set()
    deadline = time.monotonic() + 60
    while not hotwire.is_compiled(work) and time.monotonic() < deadline:
        assert work(100) == 295
        calls += 1
        threads.add(threading.active_count())
    after = [work(1000) for _ in range(3)]
    background.wait_idle(60)
    stats = hotwire.stats()
    print("RESULT " + json.dumps({"compiled": hotwire.is_compiled(work), "calls": calls,
                                  "threads": sorted(threads), "after": after,
                                  "main": stats["compile_seconds_main_thread"],
                                  "background": stats["compile_seconds_background"]}))
    '''
    result, proc = run_program(tmp_path, source, launcher=(sys.executable, "-m", "hotwire", "--threshold", "2"),
                               with_work=True, HOTWIRE_ONLY=str(tmp_path))
    assert_ok(result, proc)
    assert result["compiled"] and result["after"] == [2997] * 3
    assert result["calls"] > 3            # calls after the third went on in the interpreter meanwhile
    assert result["threads"] == [1]       # the worker is not one of the program's threads
    assert result["main"] == 0 and result["background"] > 0


def test_threading_is_not_imported_by_hotwire_and_keeps_the_real_main_thread(tmp_path):
    """`import hotwire` does not import threading (a third of its start-up cost). threading takes the
    thread that first imports it for the main thread, so a first job from a thread made with `_thread`
    is declined (the worker would import it, through the compiler) and the function compiles once the
    main thread makes it hot."""
    source = '''
    import _thread, json, sys
    imported_at_start = "threading" in sys.modules
    done = _thread.allocate_lock()
    done.acquire()
    def spin():
        for i in range(3000):
            work(3)
        done.release()
    _thread.start_new_thread(spin, ())
    done.acquire()
    from hotwire.runtime import background
    background.wait_idle(60)   # (a worker started by that thread would have imported threading now)
    import hotwire, threading, time
    deadline = time.monotonic() + 60
    while not hotwire.is_compiled(work) and time.monotonic() < deadline:
        work(3)
    background.wait_idle(60)
    print("RESULT " + json.dumps({"threading_at_start": imported_at_start,
                                  "main_thread_is_main": threading.main_thread().ident == threading.get_ident(),
                                  "compiled": hotwire.is_compiled(work)}))
    '''
    result, proc = run_program(tmp_path, source, launcher=(sys.executable, "-m", "hotwire", "--threshold", "10"),
                               with_work=True, HOTWIRE_ONLY=str(tmp_path))
    assert_ok(result, proc)
    assert result == {"threading_at_start": False, "main_thread_is_main": True, "compiled": True}


def test_exit_with_compiles_queued_is_clean(tmp_path):
    """Many functions hot at once, then the program ends: the queue is dropped, the running compile
    finishes, and the process exits normally (no crash in LLVM's teardown, no message)."""
    source = '''
    funcs = []
    for k in range(40):
        ns = {}
        exec(f"def f{k}(n):\\n    t = 0\\n    for i in range(n):\\n        t += i * {k}\\n    return t", ns)
        funcs.append(ns[f"f{k}"])
    for _ in range(3):
        total = sum(f(10) for f in funcs)
    print("RESULT", total)
    '''
    for _ in range(3):
        result, proc = run_program(tmp_path, source, launcher=(sys.executable, "-m", "hotwire", "--threshold", "1"))
        assert_ok(result, proc)
        assert result == sum(45 * k for k in range(40)) and proc.stderr == ""


def test_code_and_globals_replaced_while_compiling(tmp_path):
    """The program changes what the compiler is working on: a global the function reads, and then the
    function's __code__. Every result must be the interpreter's."""
    source = '''
    import hotwire, json, time
    from hotwire.runtime import background
    SCALE = 1
    def f(n):
        t = 0
        for i in range(n):
            t += i * SCALE
        return t
    def g(n):
        return -n
    wrong = []
    deadline = time.monotonic() + 60
    k = 0
    while not hotwire.is_compiled(f) and time.monotonic() < deadline:
        k += 1
        SCALE = k
        if f(10) != 45 * k:
            wrong.append(k)
    for k in range(5):
        SCALE = k
        if f(10) != 45 * k:
            wrong.append(k)
    f(10); f(10); f(10)   # hot again, if compiling was faster than these calls
    f.__code__ = g.__code__
    background.wait_idle(60)
    print("RESULT " + json.dumps({"wrong": wrong, "after_swap": [f(5), f(6)],
                                  "compiled": hotwire.is_compiled(f)}))
    '''
    result, proc = run_program(tmp_path, source, launcher=(sys.executable, "-m", "hotwire", "--threshold", "2"),
                               HOTWIRE_ONLY=str(tmp_path))
    assert_ok(result, proc)
    assert result == {"wrong": [], "after_swap": [-5, -6], "compiled": False}


def test_fork_while_the_worker_compiles(tmp_path):
    """os.fork() with a compile in progress waits for it; the child has no worker thread of its own
    until it needs one, compiles its own hot functions, and gets the right answers."""
    source = '''
    import hotwire, json, os, time
    from hotwire.runtime import background
    def other(n):
        return sum(range(n))
    for _ in range(3):
        work(100)               # queued for the worker now
    pid = os.fork()             # most likely while it compiles
    if pid == 0:
        deadline = time.monotonic() + 60
        while not (hotwire.is_compiled(work) and hotwire.is_compiled(other)) and time.monotonic() < deadline:
            assert work(100) == 295 and other(100) == 4950
        print("RESULT " + json.dumps([hotwire.is_compiled(work), hotwire.is_compiled(other),
                                      work(1000), other(1000)]), flush=True)
        os._exit(0)
    _, status = os.waitpid(pid, 0)
    background.wait_idle(60)
    assert os.waitstatus_to_exitcode(status) == 0 and work(1000) == 2997 and hotwire.is_compiled(work)
    '''
    result, proc = run_program(tmp_path, source, launcher=(sys.executable, "-m", "hotwire", "--threshold", "2"),
                               with_work=True, HOTWIRE_ONLY=str(tmp_path))
    assert_ok(result, proc)
    assert result == [True, True, 2997, 499500]
