"""The on-disk code cache (runtime/code_cache.py): a later process reuses the machine code, and no
entry that is corrupt, truncated, foreign or stale is ever executed.

Each scenario runs a small program under `python -m hotwire` (compiling in line, at the 50th call)
with HOTWIRE_CACHE_DIR in the test's temporary directory, and reads the run's stats."""
import dis
import json
import os
import stat
import subprocess
import sys

import compile_processes

FUNCTIONS = '''
def add(a, b):
    return a + b

def main(n):
    s = 0
    for i in range(n):
        s = add(s, i)
    return s
'''
PROGRAM = FUNCTIONS + '''
print(main(5000), add("x", "y"))
'''
EXPECTED = "12497500 xy\n"


def run(tmp_path, source=PROGRAM, **env_extra):
    script = tmp_path / "prog.py"
    script.write_text(source)
    stats_file = tmp_path / "stats.json"
    env = {k: v for k, v in os.environ.items() if not k.startswith("HOTWIRE")}
    env.update(HOTWIRE_SYNC="1", HOTWIRE_THRESHOLD="50", HOTWIRE_ONLY=str(tmp_path),
               HOTWIRE_CACHE_DIR=str(tmp_path / "cache"), HOTWIRE_STATS_FILE=str(stats_file))
    env.update(env_extra)
    proc = subprocess.run([sys.executable, "-m", "hotwire", str(script)], env=env, capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout, json.loads(stats_file.read_text())


def entries(tmp_path):
    """The compiled units' entries (not the helpers': the JUMP callback's and the watchers')."""
    return sorted(e for e in (tmp_path / "cache").glob("*.hwc") if not e.name.startswith("support-"))


def test_a_second_run_links_the_stored_machine_code(tmp_path):
    out1, first = run(tmp_path)
    out2, second = run(tmp_path)
    assert out1 == out2 == EXPECTED
    assert first["code_cache"] == {"hits": 0, "misses": 2, "stores": 2, "ignored_entries": 0}
    assert second["code_cache"] == {"hits": 2, "misses": 0, "stores": 0, "ignored_entries": 0}
    assert second["compiled"] == 2 and len(entries(tmp_path)) == 2
    # The linked units count what compiled units count: the loop entered by OSR, add's deopt on str.
    assert second["osr_entries"] == first["osr_entries"] == 1
    assert second["guard_failures"] == first["guard_failures"] == 1


def test_the_cache_is_private(tmp_path):
    run(tmp_path)
    assert stat.S_IMODE(os.stat(tmp_path / "cache").st_mode) == 0o700
    assert all(stat.S_IMODE(os.stat(e).st_mode) == 0o600 for e in entries(tmp_path))


def test_a_directory_others_can_write_is_not_used(tmp_path):
    (tmp_path / "cache").mkdir(mode=0o700)
    os.chmod(tmp_path / "cache", 0o777)
    out, stats = run(tmp_path)
    assert out == EXPECTED
    assert entries(tmp_path) == [] and stats["code_cache"]["stores"] == 0


def _damage_each_entry(tmp_path, damage):
    run(tmp_path)
    for entry in entries(tmp_path):
        entry.write_bytes(damage(entry.read_bytes()))
    out, stats = run(tmp_path)
    assert out == EXPECTED
    assert stats["code_cache"]["hits"] == 0 and stats["code_cache"]["ignored_entries"] == 2
    assert stats["code_cache"]["stores"] == 2   # rebuilt
    out, stats = run(tmp_path)
    assert out == EXPECTED and stats["code_cache"]["hits"] == 2


def test_a_corrupt_entry_is_ignored_and_rebuilt(tmp_path):
    def flip_a_byte_of_the_machine_code(data):
        middle = len(data) - 200
        return data[:middle] + bytes([data[middle] ^ 0xFF]) + data[middle + 1:]
    _damage_each_entry(tmp_path, flip_a_byte_of_the_machine_code)


def test_a_truncated_entry_is_ignored_and_rebuilt(tmp_path):
    _damage_each_entry(tmp_path, lambda data: data[:len(data) // 2])


def test_a_foreign_entry_is_ignored(tmp_path):
    """A valid entry under another key's name (copied, say, from another machine's cache)."""
    run(tmp_path)
    first, second = entries(tmp_path)
    first_bytes, second_bytes = first.read_bytes(), second.read_bytes()
    first.write_bytes(second_bytes)
    second.write_bytes(first_bytes)
    out, stats = run(tmp_path)
    assert out == EXPECTED and stats["code_cache"]["ignored_entries"] == 2


def test_a_changed_function_is_compiled_anew(tmp_path):
    """add changed: its own key changes; main's key does not, but main's machine code has add's
    frameless clone inlined, and the recipe that names add's code no longer matches its digest."""
    run(tmp_path)
    out, stats = run(tmp_path, PROGRAM.replace("return a + b", "return b + a"))
    assert out == EXPECTED.replace("xy", "yx")
    assert stats["code_cache"] == {"hits": 0, "misses": 2, "stores": 2, "ignored_entries": 0}
    out, stats = run(tmp_path, PROGRAM.replace("s = add(s, i)", "s = add(i, s)"))
    assert out == EXPECTED
    assert stats["code_cache"] == {"hits": 1, "misses": 1, "stores": 1, "ignored_entries": 0}


def test_switched_off(tmp_path):
    out, stats = run(tmp_path, HOTWIRE_CACHE="0")
    assert out == EXPECTED and entries(tmp_path) == []
    assert stats["code_cache"] == {"hits": 0, "misses": 0, "stores": 0, "ignored_entries": 0}


def test_cache_info_and_clear(tmp_path):
    run(tmp_path)
    env = dict(os.environ, HOTWIRE_CACHE_DIR=str(tmp_path / "cache"))
    info = subprocess.run([sys.executable, "-m", "hotwire", "cache", "info"], env=env, capture_output=True,
                          text=True, timeout=60)
    assert info.returncode == 0
    assert (f"code cache: {tmp_path / 'cache'}\n  entries: 2 compiled functions and 2 helpers,"
            in info.stdout)
    clear = subprocess.run([sys.executable, "-m", "hotwire", "cache", "clear"], env=env, capture_output=True,
                           text=True, timeout=60)
    assert clear.returncode == 0 and clear.stdout == "removed 4 entries\n"
    assert entries(tmp_path) == []


def test_a_script_that_had_compiled_code_is_remembered(tmp_path):
    """`hotwire run script.py` notes (a private marker per script) that the script's run compiled
    something; its next run then prepares the linker at start-up. A script that compiles nothing
    leaves no trace."""
    run(tmp_path)
    markers = list((tmp_path / "cache" / "programs").iterdir())
    assert len(markers) == 1 and stat.S_IMODE(os.stat(markers[0]).st_mode) == 0o600
    out, stats = run(tmp_path)
    assert out == EXPECTED and stats["code_cache"]["hits"] == 2
    quiet = tmp_path / "quiet"
    quiet.mkdir()
    out, stats = run(quiet, 'print("hello")\n')
    assert out == "hello\n" and not (quiet / "cache" / "programs").exists()


WARM_PROGRAM = '''
import sys, time
import hotwire
''' + FUNCTIONS + '''
main(2000)
linked_at_once = hotwire.is_compiled(add) and hotwire.is_compiled(main)
deadline = time.monotonic() + 60   # a cold run waits for the background compiler
while not (hotwire.is_compiled(add) and hotwire.is_compiled(main)) and time.monotonic() < deadline:
    time.sleep(0.01)
print(main(5000), linked_at_once, "llvmlite" in sys.modules, "hotwire.compiler" in sys.modules)
'''


def test_a_warm_run_links_in_line_without_llvm(tmp_path):
    """A later run of a script finds all its machine code, and the helpers', in the cache: each hot
    function is linked right in its hotness callback, and neither LLVM nor the compiler is loaded.
    (The second run may still compile main: with add compiled from its 50th call on, main's call
    instruction is quickened differently from the first run, whose add was compiled later.)"""
    script = tmp_path / "warm.py"
    script.write_text(WARM_PROGRAM)
    env = {k: v for k, v in os.environ.items() if not k.startswith("HOTWIRE")}
    env.update(HOTWIRE_THRESHOLD="50", HOTWIRE_ONLY=str(tmp_path), HOTWIRE_CACHE_DIR=str(tmp_path / "cache"))
    runs = []
    for _ in range(3):
        runs.append(subprocess.run([sys.executable, "-m", "hotwire", "run", str(script)], env=env,
                                   capture_output=True, text=True, timeout=120))
        compile_processes.wait_for_all()
    assert [r.returncode for r in runs] == [0, 0, 0], runs[-1].stderr
    # The cold run's functions were compiled in compile processes: neither LLVM nor the compiler
    # was loaded in the program itself.
    assert runs[0].stdout == "12497500 False False False\n"
    assert runs[2].stdout == "12497500 True False False\n"


COUNTING_PROGRAM = '''
import sys
from hotwire.runtime import hotness
seen = []
count_jumps = hotness._count_jumps

def spy(code, offset, destination, n):
    if code.co_name == "spin":
        seen.append(n)
    return count_jumps(code, offset, destination, n)

hotness._count_jumps = spy

def spin(n):
    for i in range(n):
        pass

spin(5000)
print(sum(seen), len(seen), sorted(set(seen)),
      type(sys.monitoring.register_callback(hotness.TOOL, sys.monitoring.events.JUMP, None)).__name__)
'''


CALL_COUNTING_PROGRAM = COUNTING_PROGRAM.replace("hotness._count_jumps = spy", """hotness._count_jumps = spy
count_calls, calls = hotness._count_calls, []

def call_spy(code, n):
    if code.co_name == "tiny":
        calls.append(n)
    return count_calls(code, n)

hotness._count_calls = call_spy

def tiny():
    pass
""") + '''
for _ in range(3000):
    tiny()
print(calls, type(sys.monitoring.register_callback(hotness.TOOL, sys.monitoring.events.PY_START, None)).__name__)
'''


def test_calls_are_counted_in_c_once_the_callbacks_exist(tmp_path):
    """With the C-level callbacks in place (made here once the loop has run 256 times), a function's
    calls reach Python at its first call and then once per call_batch() calls (1024 with this
    threshold): 3 Python callbacks for 3000 calls, where each call used to be one."""
    (tmp_path / "spin.py").write_text(COUNTING_PROGRAM)
    run(tmp_path)   # the callbacks' machine code is in the cache from now on
    (tmp_path / "calls.py").write_text(CALL_COUNTING_PROGRAM)
    env = {k: v for k, v in os.environ.items() if not k.startswith("HOTWIRE")}
    env.update(HOTWIRE_THRESHOLD="100000", HOTWIRE_ONLY=str(tmp_path), HOTWIRE_CACHE_DIR=str(tmp_path / "cache"))
    proc = subprocess.run([sys.executable, "-m", "hotwire", str(tmp_path / "calls.py")], env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    # (each passes the batch; the first call of a code counts as one whatever it is passed)
    assert proc.stdout.splitlines()[-1] == "[1024, 1024, 1024] builtin_function_or_method"


def test_loop_iterations_are_counted_in_c_once_its_callback_is_cached(tmp_path):
    """Once a compile has put the C-level JUMP callback's machine code in the cache, another program
    (whose own runs never compiled anything) counts a loop's first 256 iterations in Python, one by
    one, then links that callback, which calls the Python counter once per 1024 iterations."""
    (tmp_path / "spin.py").write_text(COUNTING_PROGRAM)
    out, _ = run(tmp_path)   # compiles add and main (in line), and main's loop needs the callback
    assert out == EXPECTED
    env = {k: v for k, v in os.environ.items() if not k.startswith("HOTWIRE")}
    env.update(HOTWIRE_LOOP_THRESHOLD="100000", HOTWIRE_ONLY=str(tmp_path),
               HOTWIRE_CACHE_DIR=str(tmp_path / "cache"))
    spin = subprocess.run([sys.executable, "-m", "hotwire", str(tmp_path / "spin.py")], env=env,
                          capture_output=True, text=True, timeout=120)
    assert spin.returncode == 0, spin.stderr
    assert spin.stdout == f"{256 + 4 * 1024} {256 + 4} [1, 1024] builtin_function_or_method\n"


def test_the_key_holds_the_feedback_the_compiler_reads_and_no_other():
    """Two copies of one function, one calling a Python function and one a builtin (their CALLs are
    quickened differently), share a key: the compiler does not read a call's specialisation, and a
    key with it missed the warm cache for every caller of a function compiled from the start. A copy
    that added floats instead of ints (BINARY_OP_ADD_FLOAT) has another key."""
    from hotwire.runtime import code_cache
    source = "def apply(g, x):\n    return g(x) + x\n"

    def copy():
        namespace = {}
        exec(compile(source, "apply.py", "exec"), namespace)
        return namespace["apply"]

    def python_function(x):
        return x
    calls_python, calls_builtin, adds_floats = copy(), copy(), copy()
    for _ in range(50):
        calls_python(python_function, 3)
        calls_builtin(abs, 3)
        adds_floats(abs, 3.5)
    names = {number: name for name, number in dis._all_opmap.items()}

    def quickened(func, base):
        return {names[func.__code__._co_code_adaptive[i.offset]] for i in dis.get_instructions(func)
                if i.opname == base}
    assert quickened(calls_python, "CALL") != quickened(calls_builtin, "CALL")
    assert quickened(adds_floats, "BINARY_OP") == {"BINARY_OP_ADD_FLOAT"}

    def key(func):
        return code_cache.key(func.__code__, "apply", None)
    assert key(calls_python) == key(calls_builtin) != key(adds_floats)
