"""Compile processes (runtime/compile_process.py): hot functions compiled in a fork of the program.

Each scenario is a fresh `python -m hotwire` process with its own code cache; what the program saw
comes back on one `RESULT <json>` line. The fork must be invisible to the program: its fork hooks,
its audit hooks, os.wait(), its finalisers, its buffered output, its files and its signals.
"""
import json
import os
import subprocess
import sys
import textwrap
import time

from test_processes import WORK, assert_ok, run_program

LAUNCHER = (sys.executable, "-m", "hotwire", "--threshold", "2")

# Wait (at most a minute) until `work` runs compiled code, then report the stats.
UNTIL_COMPILED = '''
import hotwire, sys, time
deadline = time.monotonic() + 60
while not hotwire.is_compiled(work) and time.monotonic() < deadline:
    assert work(100) == 295
stats = hotwire.stats()
'''


def program(*parts):
    """The program made of `parts`, each dedented on its own."""
    return "".join(textwrap.dedent(part).strip("\n") + "\n" for part in parts)


def run(tmp_path, *parts, before="", **env):
    """Run `before`, then UNTIL_COMPILED, then `parts`, with the code cache in tmp_path/cache."""
    env.setdefault("HOTWIRE_CACHE_DIR", str(tmp_path / "cache"))
    return run_program(tmp_path, program(before, UNTIL_COMPILED, *parts), launcher=LAUNCHER,
                       with_work=True, HOTWIRE_ONLY=str(tmp_path), **env)


def test_a_hot_function_is_compiled_in_a_compile_process_and_the_program_never_loads_llvm(tmp_path):
    result, proc = run(tmp_path, '''
    import json, threading
    print("RESULT " + json.dumps({
        "compiled": hotwire.is_compiled(work), "after": [work(1000) for _ in range(3)],
        "llvm_loaded": "llvmlite" in sys.modules, "threads": threading.active_count(),
        "main": stats["compile_seconds_main_thread"], "processes": stats["compile_seconds_processes"] > 0}))
    ''')
    assert_ok(result, proc)
    assert result == {"compiled": True, "after": [2997] * 3, "llvm_loaded": False, "threads": 1,
                      "main": 0, "processes": True}
    assert proc.stderr == ""


def test_the_programs_fork_hooks_audit_hooks_and_wait_see_nothing(tmp_path):
    """os.fork() would run the program's register_at_fork hooks and audit hook; the compile process is
    made without them, and its first child is reaped before the program could os.wait() for it."""
    marker = tmp_path / "child-hook-ran"
    result, proc = run(tmp_path, '''
    import json
    try:
        os.wait()
        waited = "a child"
    except ChildProcessError:
        waited = "no child"
    print("RESULT " + json.dumps({"compiled": hotwire.is_compiled(work), "seen": seen, "wait": waited,
                                  "processes": stats["compile_seconds_processes"] > 0}))
    ''', before=f'''
    import os, sys
    seen = []
    sys.addaudithook(lambda event, args: seen.append(event) if "fork" in event or "spawn" in event else None)
    os.register_at_fork(before=lambda: seen.append("before"), after_in_parent=lambda: seen.append("parent"),
                        after_in_child=lambda: open({str(marker)!r}, "w").close())
    ''')
    assert_ok(result, proc)
    assert result == {"compiled": True, "seen": [], "wait": "no child", "processes": True}
    assert not marker.exists()


def test_finalisers_of_the_programs_garbage_run_once_and_buffered_output_is_written_once(tmp_path):
    """The compile process is a copy of the program: a collection there would run the program's
    __del__ methods a second time, and an exit that flushed would write its buffered output twice."""
    log = tmp_path / "finalised"
    source = f'''
    import gc, hotwire, json, os, time
    PROGRAM = os.getpid()
    class Cycle:
        def __del__(self):   # (no attribute of an instance: its unit can go to the code cache)
            log = os.open({str(log)!r}, os.O_WRONLY | os.O_APPEND | os.O_CREAT)
            os.write(log, b"p" if os.getpid() == PROGRAM else b"c")
            os.close(log)
    for i in range(300):
        print("buffered line", i)
    made = 0
    deadline = time.monotonic() + 60
    while not hotwire.is_compiled(work) and time.monotonic() < deadline:
        cycle = Cycle()
        vars(cycle)["me"] = cycle   # garbage when the compile process is forked
        made += 1
        assert work(100) == 295
    del cycle
    gc.collect()
    print("RESULT " + json.dumps({{"compiled": hotwire.is_compiled(work), "made": made,
                                  "processes": hotwire.stats()["compile_seconds_processes"] > 0}}))
    '''
    result, proc = run_program(tmp_path, source, launcher=LAUNCHER, with_work=True,
                               HOTWIRE_ONLY=str(tmp_path), HOTWIRE_CACHE_DIR=str(tmp_path / "cache"))
    assert_ok(result, proc)
    assert result["compiled"] and result["processes"]
    assert log.read_text() == "p" * result["made"]
    assert proc.stdout.count("buffered line") == 300


def test_a_compile_process_keeps_none_of_the_programs_files_and_leaves_its_session(tmp_path):
    """_detach, in a fork of a small program: /dev/null for 0, 1 and 2, no other descriptor but the
    report pipe, a session of its own, SIGINT ignored and a time limit."""
    script = tmp_path / "detach.py"
    script.write_text(textwrap.dedent('''
        import json, os, signal, sys
        from hotwire.runtime import compile_process
        keep_read, keep = os.pipe()
        program_file = open(__file__)          # a file of the program's
        pid = os.fork()
        if pid == 0:
            try:
                compile_process._detach(keep)
                fds = sorted(int(fd) for fd in os.listdir("/proc/self/fd"))
                report = {"fds": fds, "keep": keep,
                          "std": [os.readlink(f"/proc/self/fd/{fd}") for fd in (0, 1, 2)],
                          "own_session": os.getsid(0) == os.getpid(),
                          "sigint": signal.getsignal(signal.SIGINT) == signal.SIG_IGN,
                          "alarm": signal.alarm(0) > 0}
                os.write(keep, json.dumps(report).encode())
            finally:
                os._exit(0)
        os.close(keep)
        os.waitpid(pid, 0)
        print("RESULT " + os.read(keep_read, 65536).decode())
    '''))
    proc = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=60)
    result = json.loads(proc.stdout.split("RESULT ", 1)[1])
    listing = [fd for fd in result["fds"] if fd not in (0, 1, 2, result["keep"])]
    assert len(listing) <= 1   # the descriptor listdir itself had open
    assert result["std"] == ["/dev/null"] * 3
    assert result["own_session"] and result["sigint"] and result["alarm"]


def test_the_program_exits_without_waiting_and_the_compile_process_stores_for_the_next_run(tmp_path):
    """The program ends as soon as `work` is hot: nothing is compiled in it, and it does not wait for
    the compile process, which stores the unit; the next run links it from the code cache."""
    cache = tmp_path / "cache"
    source = '''
    import hotwire, json
    for _ in range(5):
        work(100)
    print("RESULT " + json.dumps(hotwire.stats()["compile_seconds_main_thread"]))
    '''
    result, proc = run_program(tmp_path, source, launcher=LAUNCHER, with_work=True,
                               HOTWIRE_ONLY=str(tmp_path), HOTWIRE_CACHE_DIR=str(cache))
    assert_ok(result, proc)
    assert result == 0 and proc.stderr == ""
    deadline = time.monotonic() + 60
    while not any(name.endswith(".hwc") and not name.startswith("support-") for name in os.listdir(cache)):
        assert time.monotonic() < deadline, "the compile process stored nothing"
        time.sleep(0.05)
    result, proc = run(tmp_path, '''
    import json
    print("RESULT " + json.dumps({"hits": stats["code_cache"]["hits"],
                                  "processes": stats["compile_seconds_processes"]}))
    ''')
    assert_ok(result, proc)
    assert result["hits"] >= 1 and result["processes"] == 0


def test_a_function_with_attribute_caches_is_compiled_in_a_compile_process(tmp_path):
    """Its type version tags and method addresses are bound when the unit is linked, from the program's
    own inline caches ("attr_cache" recipes): the compile process stores it like any other unit."""
    source = '''
    import hotwire, json, sys, time
    class Point:
        def __init__(self, x):
            self.x = x
    def total(points):
        t = 0
        for p in points:
            t += p.x
        return t
    points = [Point(i) for i in range(100)]
    deadline = time.monotonic() + 60
    while not hotwire.is_compiled(total) and time.monotonic() < deadline:
        assert total(points) == 4950
    stats = hotwire.stats()
    print("RESULT " + json.dumps({"compiled": hotwire.is_compiled(total), "result": total(points),
                                  "processes": stats["compile_seconds_processes"] > 0,
                                  "linked": "machine code from the code cache" in hotwire.explain(total),
                                  "notes": "x: instance value inline cache from tier 0" in hotwire.explain(total),
                                  "imported": [m for m in ("dis", "dataclasses", "llvmlite") if m in sys.modules]}))
    '''
    result, proc = run_program(tmp_path, source, launcher=LAUNCHER, HOTWIRE_ONLY=str(tmp_path),
                               HOTWIRE_CACHE_DIR=str(tmp_path / "cache"))
    assert_ok(result, proc)
    assert result == {"compiled": True, "result": 4950, "processes": True, "linked": True, "notes": True,
                      "imported": []}


def test_functions_hot_while_a_compile_process_runs_go_to_the_next_one(tmp_path):
    source = '''
    import hotwire, json, time
    from hotwire.runtime import compile_process
    def other(n):
        return sum(i * 3 for i in range(n))
    funcs = [work, other]
    deadline = time.monotonic() + 60
    while not all(hotwire.is_compiled(f) for f in funcs) and time.monotonic() < deadline:
        assert work(100) == 295 and other(10) == 135
    print("RESULT " + json.dumps({"compiled": [hotwire.is_compiled(f) for f in funcs],
                                  "processes": compile_process._state["processes"]}))
    '''
    result, proc = run_program(tmp_path, source, launcher=LAUNCHER, with_work=True,
                               HOTWIRE_ONLY=str(tmp_path), HOTWIRE_CACHE_DIR=str(tmp_path / "cache"))
    assert_ok(result, proc)
    assert result["compiled"] == [True, True] and result["processes"] in (1, 2)


def test_a_program_with_threads_or_a_sigchld_handler_compiles_on_the_background_thread(tmp_path):
    """A fork with another thread running could leave the child a lock that thread held; a SIGCHLD
    handler would see the compile process's first child end."""
    result, proc = run(tmp_path, '''
    import json
    print("RESULT " + json.dumps({"compiled": hotwire.is_compiled(work), "chld": chld,
                                  "processes": stats["compile_seconds_processes"],
                                  "background": stats["compile_seconds_background"] > 0}))
    ''', before='''
    import signal
    chld = []
    signal.signal(signal.SIGCHLD, lambda *_: chld.append(1))
    ''')
    assert_ok(result, proc)
    assert result == {"compiled": True, "chld": [], "processes": 0, "background": True}
    result, proc = run(tmp_path, '''
    import json
    stop.set()
    helper.join()
    print("RESULT " + json.dumps({"compiled": hotwire.is_compiled(work),
                                  "processes": stats["compile_seconds_processes"],
                                  "background": stats["compile_seconds_background"] > 0}))
    ''', before='''
    import threading
    stop = threading.Event()
    helper = threading.Thread(target=stop.wait)
    helper.start()
    ''', HOTWIRE_CACHE_DIR=str(tmp_path / "cache2"))
    assert_ok(result, proc)
    assert result == {"compiled": True, "processes": 0, "background": True}


def test_what_keeps_a_program_on_the_background_thread(monkeypatch):
    """refusal() names why no compile process is forked: switched off, or a program too big to fork
    quickly (checked here in this process, with the limit lowered)."""
    from hotwire.runtime import compile_process
    monkeypatch.setenv("HOTWIRE_COMPILE_PROCESS", "0")
    assert compile_process.refusal() == "HOTWIRE_COMPILE_PROCESS=0"
    monkeypatch.delenv("HOTWIRE_COMPILE_PROCESS")
    monkeypatch.setattr(compile_process, "MAX_RESIDENT_BYTES", 1 << 20)
    assert compile_process.refusal() == "the program is too big to fork quickly"


def test_quickened_opcode_names_are_the_ones_dis_gives():
    """Linking a cached unit reads attribute-cache feedback without importing dis (raw_bytecode)."""
    import dis
    import opcode
    from hotwire.frontend.raw_bytecode import QUICKENED_NAMES as names
    assert sorted(names.values()) == sorted(opcode._specialized_instructions)
    for number, name in names.items():
        assert dis._all_opname[number] == name
