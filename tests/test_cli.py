"""The command-line front end against plain CPython: same stdout, stderr and exit status, byte for byte.

Each case runs a program from tests/cli_programs (or one written to a temporary directory) with
`python ...` and with `python -m hotwire ...` (some also with the `hotwire` console script, whose
reference is the interpreter named in its #! line, since error messages quote the interpreter's path).
The JIT is enabled in every run, but with a threshold nothing here reaches: whether compiled code is
right is for the differential tests, and compiling costs about 0.3 s a function.
"""
import os
import signal
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from hotwire import cli

PROGRAMS = Path(__file__).parent / "cli_programs"
CONSOLE_SCRIPT = Path(sys.executable).parent / "hotwire"
PYTHON311 = Path("/root/.pyenv/versions/3.11.7/bin/python3")
ENV = {name: value for name, value in os.environ.items() if not name.startswith("HOTWIRE_")}
ENV.update(PYTHONDONTWRITEBYTECODE="1", HOTWIRE_THRESHOLD="1000000", HOTWIRE_SYNC="1")


def start(command, cwd=PROGRAMS, env=ENV, merge_stderr=False):
    return subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT if merge_stderr else subprocess.PIPE)


def outcome(process):
    """(exit status, stdout, stderr) of a started process."""
    stdout, stderr = process.communicate(timeout=60)
    return process.returncode, stdout, stderr


def run(command, cwd=PROGRAMS, env=ENV):
    return subprocess.CompletedProcess(command, *outcome(start(command, cwd, env)))


def assert_like_python(args, cwd=PROGRAMS, console_script=False, merge_stderr=False, env=ENV):
    """Run `args` under python and under hotwire, side by side; they must agree exactly. Returns
    hotwire's (last) result."""
    if console_script:
        python = CONSOLE_SCRIPT.read_text().splitlines()[0][2:].strip()
        launchers = ([CONSOLE_SCRIPT, "run"], [CONSOLE_SCRIPT])
    else:
        python = sys.executable
        launchers = ([sys.executable, "-m", "hotwire"],)
    commands = [[python, *args]] + [[*launcher, *args] for launcher in launchers]
    expected, *actual = [outcome(p) for p in [start(c, cwd, env, merge_stderr) for c in commands]]
    for launcher, result in zip(launchers, actual):
        assert result == expected, f"{launcher} {args}"
    return subprocess.CompletedProcess(commands[-1], *actual[-1])


@pytest.fixture
def scratch(tmp_path):
    """A directory with programs CPython refuses, and a zip file made from cli_programs/app_dir."""
    (tmp_path / "indented.py").write_bytes(b"if 1:\n")
    (tmp_path / "latin1.py").write_bytes(b"name = '\xe9'\n")
    (tmp_path / "nul.py").write_bytes(b"x = 1\x00\n")
    (tmp_path / "empty_dir").mkdir()
    (tmp_path / "link.py").symlink_to(PROGRAMS / "show_main.py")
    with zipfile.ZipFile(tmp_path / "app.zip", "w") as archive:
        archive.write(PROGRAMS / "app_dir" / "__main__.py", "__main__.py")
    return tmp_path


@pytest.mark.parametrize("args, status, shown", [
    (["show_main.py", "a", "--threshold", "3"], 0, b"argv: ['show_main.py', 'a', '--threshold', '3']"),
    (["./app_dir/../show_main.py"], 0, b"cli_programs/./app_dir/../show_main.py cached: None"),
    (["-m", "show_main", "x"], 0, b"spec: show_main"),
    (["-m", "mainpkg", "-c", "x"], 0, b"importing mainpkg, argv: ['-m', '-c', 'x']"),
    (["app_dir", "arg"], 0, b"argv: ['app_dir', 'arg']"),
    (["-c", "import sys; print(sys.argv, repr(sys.path[0]), __name__, list(globals()))", "1"], 0,
     b"['-c', '1'] '' __main__"),
    (["--", "show_main.py", "-c"], 0, b"argv: ['show_main.py', '-c']"),
    (["-cprint('attached')"], 0, b"attached"),
    (["exit_with.py", "none"], 0, b"exiting: none"),
    (["exit_with.py", "3"], 3, b"exiting: 3"),
    (["exit_with.py", "text"], 1, b"exiting: text"),
    (["at_exit.py"], 0, b"at exit: False True"),
    (["at_exit.py", "fail"], 1, b"at exit: False True"),
])
def test_program_runs_as_under_python(args, status, shown):
    result = assert_like_python(args)
    assert result.returncode == status
    assert shown in result.stdout


@pytest.mark.parametrize("args, status, shown", [
    (["uncaught.py"], 1, b'  File "%s", line 23, in <module>\n    main()\n' % bytes(PROGRAMS / "uncaught.py")),
    (["-m", "mainpkg.failing"], 1, b'  File "<frozen runpy>", line 198, in _run_module_as_main\n'),
    (["-c", "def f():\n    1/0\nf()"], 1, b'  File "<string>", line 3, in <module>\n'),
    (["hooks.py", "custom"], 1, b"frames: ['<module>', 'inner']"),
    (["hooks.py", "failing"], 1, b"Error in sys.excepthook:"),
    (["hooks.py", "deleted"], 1, b"sys.excepthook is missing"),
    (["-m", "no_such_module"], 1, b": No module named no_such_module\n"),
    (["missing.py"], 2, b"missing.py': [Errno 2] No such file or directory\n"),
])
def test_errors_are_reported_as_by_python(args, status, shown):
    result = assert_like_python(args)
    assert result.returncode == status
    assert shown in result.stderr
    assert b"hotwire" not in result.stderr and b"cli.py" not in result.stderr


@pytest.mark.parametrize("args, status, shown", [
    (["indented.py"], 1, b"IndentationError: expected an indented block"),
    (["latin1.py"], 1, b"SyntaxError: Non-UTF-8 code starting with '\\xe9'"),
    (["nul.py"], 1, b"SyntaxError: source code cannot contain null bytes"),
    (["-c", "x = = 1"], 1, b"SyntaxError: invalid syntax"),
    (["empty_dir"], 1, b"can't find '__main__' module in"),
    (["app.zip", "z"], 0, b"app.zip/__main__.py"),
    (["link.py"], 0, b"path: ['%s', " % bytes(PROGRAMS)),
])
def test_programs_python_rejects_or_unpacks(scratch, args, status, shown):
    result = assert_like_python(args, cwd=scratch)
    assert result.returncode == status
    assert shown in result.stdout + result.stderr


@pytest.mark.parametrize("args, status, shown", [
    (["show_main.py"], 0, b"path: ['%s/lib/python312.zip'" % os.fsencode(sys.base_prefix)),
    (["-m", "show_main"], 1, b"No module named show_main"),
    (["app_dir"], 0, b"path0: %s/app_dir" % bytes(PROGRAMS)),
])
def test_safe_path(args, status, shown):
    result = assert_like_python(args, env={**ENV, "PYTHONSAFEPATH": "1"})
    assert result.returncode == status
    assert shown in result.stdout + result.stderr


def test_keyboard_interrupt_ends_the_process_by_sigint():
    result = assert_like_python(["interrupt.py"])
    assert result.returncode == -signal.SIGINT
    assert result.stderr.endswith(b"    raise KeyboardInterrupt\nKeyboardInterrupt\n")


@pytest.mark.parametrize("console_script", [False, True])
def test_recursion_depth_is_the_programs_own(console_script):
    # At this threshold dive() and fall() are compiled early; before that, each of their calls goes
    # through hotwire's call counter, a Python callback that is one frame deeper than the call.
    env = {**ENV, "HOTWIRE_THRESHOLD": "10"}
    result = assert_like_python(["recursion.py"], console_script=console_script, env=env)
    assert result.returncode == 1
    assert b"at the recursion depth 1: the limit is too low\ndeepest call: 998\n" in result.stdout
    assert result.stderr.endswith(b"[Previous line repeated 996 more times]\nRecursionError: "
                                  b"maximum recursion depth exceeded\n")


def test_output_order_with_stderr_on_stdout():
    result = assert_like_python(["uncaught.py"], merge_stderr=True)
    assert result.stdout.startswith(b"loading\nTraceback (most recent call last):\n")


@pytest.mark.parametrize("args, status", [
    (["show_main.py", "a"], 0),
    (["uncaught.py"], 1),
    (["interrupt.py"], -signal.SIGINT),
    (["-c", "if 1:"], 1),
    (["missing.py"], 2),
    (["-m", "no_such_module"], 1),
])
def test_console_script_runs_as_its_python(args, status):
    assert assert_like_python(args, console_script=True).returncode == status


@pytest.mark.parametrize("env, args, compiled", [
    ({}, ["--threshold", "2", "--stats"], b"compiled: True HOTWIRE_STATS: 1"),
    ({"HOTWIRE_THRESHOLD": "2"}, [], b"compiled: True HOTWIRE_STATS: None"),
    ({"HOTWIRE_THRESHOLD": "2"}, ["--threshold=3"], b"compiled: False"),
    ({"HOTWIRE_THRESHOLD": "many"}, ["--threshold", "3"], b"compiled: False"),
])
def test_threshold_option_and_environment(env, args, compiled):
    env = {**{k: v for k, v in ENV.items() if k != "HOTWIRE_THRESHOLD"}, **env}
    result = run([sys.executable, "-m", "hotwire", *args, "jit_probe.py"], env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(compiled)


@pytest.mark.parametrize("args", [["--help"], ["run", "--help"], ["-h"]])
def test_help(capsys, args):
    assert cli.main(args, prog="hotwire") == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: hotwire [run] [options] (script.py | -m module | -c code) [args ...]\n")
    for option in ("--threshold N", "--stats", "-m module", "-c code", "--version"):
        assert f"\n  {option} " in out


def test_version_through_python_m():
    result = run([sys.executable, "-m", "hotwire", "--version"])
    version = f"hotwire {cli.hotwire.__version__}\n".encode()
    assert (result.returncode, result.stdout, result.stderr) == (0, version, b"")


@pytest.mark.parametrize("args, message", [
    (["-x", "show_main.py"], "unknown option '-x'"),
    (["run", "--threshold", "-1", "show_main.py"], "--threshold must be a non-negative integer, not '-1'"),
    (["--threshold"], "--threshold needs a number"),
    (["-m"], "no program given after -m"),
    (["--stats"], "no program given: name a script, or use -m module or -c code"),
])
def test_usage_errors(capsys, args, message):
    assert cli.main(args, prog="python -m hotwire") == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == ("usage: python -m hotwire [run] [options] (script.py | -m module | -c code) "
                            f"[args ...]\npython -m hotwire: error: {message}\n"
                            "Try 'python -m hotwire --help' for more information.\n")


def test_usage_error_status_and_bad_environment():
    result = run([CONSOLE_SCRIPT, "show_main.py"], env={**ENV, "HOTWIRE_THRESHOLD": "soon"})
    assert result.returncode == 2 and result.stdout == b""
    assert b"hotwire: error: HOTWIRE_THRESHOLD must be a non-negative integer, not 'soon'\n" in result.stderr


@pytest.mark.skipif(not PYTHON311.exists(), reason="needs CPython 3.11 at " + str(PYTHON311))
def test_python_3_11_is_refused_in_one_line():
    src = str(Path(__file__).parent.parent / "src")
    result = run([PYTHON311, "-m", "hotwire", "x.py"], env={**ENV, "PYTHONPATH": src})
    assert result.returncode == 2 and result.stdout == b""
    assert result.stderr.count(b"\n") == 1 and b"3.12" in result.stderr
