"""Interrupts and threads while compiled code loops: each program runs under plain CPython and under
`python -m hotwire` (compiling in line at the first call, HOTWIRE_SYNC=1), and both must agree.

Compiled loops check the interpreter's eval breaker at every backward jump (check_eval_breaker in
backend/lower_objects.py), as JUMP_BACKWARD does: signal handlers run there, a thread waiting for the
GIL gets it, and a handler's exception leaves the loop with the traceback CPython gives. Each loop
function is first called once with a short loop, so that the long call runs compiled; the program
prints whether it did, under hotwire only, on a line of its own that the comparison leaves out.
"""
import os
import signal
import subprocess
import sys
import textwrap
import time

TIMEOUT = 60
REPORT = '''
def report_compiled(*funcs):
    hotwire = sys.modules.get("hotwire")
    if hotwire is not None:
        print("COMPILED", all(hotwire.is_compiled(f) for f in funcs), flush=True)
'''


def _env():
    env = {k: v for k, v in os.environ.items() if not k.startswith("HOTWIRE")}
    env.update(HOTWIRE_SYNC="1", HOTWIRE_THRESHOLD="0", PYTHONHASHSEED="0")
    return env


def _start(tmp_path, source, jit):
    prog = tmp_path / "prog.py"
    prog.write_text("import sys\n" + REPORT + textwrap.dedent(source))
    launcher = [sys.executable, "-m", "hotwire"] if jit else [sys.executable]
    env = {**_env(), "HOTWIRE_ONLY": str(tmp_path)}
    return subprocess.Popen([*launcher, str(prog)], cwd=tmp_path, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def _finish(proc):
    out, err = proc.communicate(timeout=TIMEOUT)
    compiled = [line for line in out.splitlines() if line.startswith("COMPILED")]
    out = "".join(line + "\n" for line in out.splitlines() if not line.startswith("COMPILED"))
    return proc.returncode, out, err, compiled


def run_both(tmp_path, source):
    """(CPython's (status, stdout, stderr), hotwire's, hotwire's COMPILED lines)."""
    results = [_finish(_start(tmp_path, source, jit)) for jit in (False, True)]
    (*plain, _), (*jitted, compiled) = results
    return tuple(plain), tuple(jitted), compiled


def test_sigint_stops_a_compiled_infinite_loop_with_cpythons_traceback(tmp_path):
    source = '''
    def spin(n):
        i = 0
        while i != n:
            i += 1
        return i
    spin(10)
    report_compiled(spin)
    print("spinning", flush=True)
    spin(-1)
    '''
    outcomes = []
    for jit in (False, True):
        proc = _start(tmp_path, source, jit)
        lines = []
        while not lines or lines[-1] != "spinning\n":
            lines.append(proc.stdout.readline())
            assert lines[-1], f"no 'spinning' line: {lines} {proc.stderr.read()}"
        time.sleep(0.3)   # well into the loop
        proc.send_signal(signal.SIGINT)
        status, out, err, _ = _finish(proc)
        outcomes.append((status, "".join(lines) + out, err))
    plain, jitted = outcomes
    assert "COMPILED True\n" in jitted[1]
    assert jitted[0] == plain[0] == -signal.SIGINT
    assert jitted[2] == plain[2]
    assert plain[2].endswith("KeyboardInterrupt\n") and ", in spin\n" in plain[2]


def test_another_thread_gets_the_gil_while_a_compiled_loop_runs(tmp_path):
    """The loop ends only when the other thread has counted to a million in the interpreter."""
    source = '''
    import threading
    done = []
    def wait_for(flag):
        n = 0
        while not flag:
            n += 1
        return n > 0
    def count():
        total = 0
        for i in range(1_000_000):
            total += 1
        done.append(total)
    wait_for([1])
    report_compiled(wait_for)
    worker = threading.Thread(target=count)
    worker.start()
    print(wait_for(done), done)
    worker.join()
    '''
    plain, jitted, compiled = run_both(tmp_path, source)
    assert compiled == ["COMPILED True"]
    assert jitted == plain == (0, "True [1000000]\n", "")


def test_signal_handler_runs_during_a_compiled_loop_and_its_exception_leaves_it(tmp_path):
    source = '''
    import signal, traceback
    fired = []
    def on_alarm(signum, frame):
        fired.append(signum)
        if len(fired) == 2:
            raise TimeoutError("second alarm")
    def wait_for(flag):
        n = 0
        while not flag:
            n += 1
        return len(flag)
    wait_for([1])
    report_compiled(wait_for)
    signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, 0.05)
    print("handler ran:", wait_for(fired))
    signal.setitimer(signal.ITIMER_REAL, 0.05)
    try:
        wait_for([] if fired else [0])
    except TimeoutError:
        traceback.print_exc(file=sys.stdout)
    '''
    plain, jitted, compiled = run_both(tmp_path, source)
    assert compiled == ["COMPILED True"]
    assert jitted == plain
    assert plain[0] == 0 and plain[1].startswith("handler ran: 1\nTraceback")
    assert plain[1].endswith("TimeoutError: second alarm\n") and ", in wait_for\n" in plain[1]


def test_garbage_collection_runs_during_a_compiled_loop(tmp_path):
    """The loop ends only once the cyclic garbage it makes has been collected: a GC scheduled at a back
    edge must run (before, compiled loops never ran it, and their memory grew without bound)."""
    source = '''
    import gc
    collected = []
    class Node:
        def __del__(self):
            collected.append(1)
    def churn(flag):
        made = 0
        while not flag:
            node = Node()
            node.me = node
            made += 1
        return made > 0
    churn([1])
    report_compiled(churn)
    print(churn(collected), len(collected) > 0, gc.isenabled())
    '''
    plain, jitted, compiled = run_both(tmp_path, source)
    assert compiled == ["COMPILED True"]
    assert jitted == plain == (0, "True True True\n", "")
