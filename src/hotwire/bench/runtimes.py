"""The runtimes a benchmark run compares: CPython (the interpreter hotwire runs on), hotwire, PyPy.

Each is a command prefix and environment for a child process. hotwire is only active in a process
started through `python -m hotwire`, so its children are started that way. Every child gets an
environment without HOTWIRE_* variables (a HOTWIRE=1 autoload must not turn CPython's runs into JIT
runs) and with PYTHONHASHSEED=0, so set and dict orders, and so the printed output, repeat run to run.
"""
import atexit
import importlib.metadata
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field

from hotwire import __version__ as HOTWIRE_VERSION


class RuntimeMissing(Exception):
    """A runtime that was asked for but cannot run here; reported in one line."""


@dataclass
class Runtime:
    name: str           # 'cpython', 'hotwire', 'pypy'
    label: str          # for tables: 'CPython', 'hotwire', 'PyPy'
    command: list       # prefix: the program (and its arguments) follow
    env: dict = field(default_factory=dict)  # added to the cleaned environment
    version: str = ""

    def environ(self, extra=None):
        env = {k: v for k, v in os.environ.items() if not k.startswith("HOTWIRE")}
        env["PYTHONHASHSEED"] = "0"
        env.update(self.env)
        env.update(extra or {})
        return env


def cpython():
    return Runtime("cpython", "CPython", [sys.executable], version=sys.version.split()[0])


def hotwire(threshold=None):
    """`python -m hotwire [--threshold N]`: the JIT as a user starts it."""
    options = [] if threshold is None else ["--threshold", str(threshold)]
    return Runtime("hotwire", "hotwire", [sys.executable, "-m", "hotwire", *options],
                   version=HOTWIRE_VERSION)


def pypy(executable=None):
    """PyPy from `executable` or `pypy3` on PATH, with this environment's pyperf importable.

    PyPy has its own site-packages without pyperf; the pyperf package and its dist-info (whose entry
    points pyperf reads at start-up) are linked into a private directory put on PYTHONPATH, so nothing
    else of this environment leaks into PyPy.
    """
    path = executable or shutil.which("pypy3")
    if not path:
        raise RuntimeMissing("PyPy was asked for (--pypy) but `pypy3` is not on PATH; install it "
                             "(apt-get install pypy3) or drop --pypy")
    try:
        version = subprocess.run([path, "-c", "import sys; print(sys.version.split()[0], "
                                  "sys.pypy_version_info[:3])"], capture_output=True, text=True,
                                 timeout=60, check=True).stdout.strip()
    except (OSError, subprocess.SubprocessError) as exc:
        raise RuntimeMissing(f"PyPy at {path} does not run: {exc}") from None
    return Runtime("pypy", "PyPy", [path], env={"PYTHONPATH": _pyperf_for_pypy()}, version=version)


def select(pypy_wanted, threshold=None):
    """[CPython, hotwire] plus PyPy: when --pypy (required), by default if present, never with
    --no-pypy (pypy_wanted is True, None or False)."""
    chosen = [cpython(), hotwire(threshold)]
    if pypy_wanted is False:
        return chosen
    try:
        chosen.append(pypy())
    except RuntimeMissing:
        if pypy_wanted:
            raise
    return chosen


_pyperf_dir = []


def _pyperf_for_pypy():
    if not _pyperf_dir:
        import pyperf
        distribution = importlib.metadata.distribution("pyperf")
        directory = tempfile.mkdtemp(prefix="hotwire-bench-pyperf-")
        os.symlink(os.path.dirname(pyperf.__file__), os.path.join(directory, "pyperf"))
        site = str(distribution.locate_file(""))
        for top in {str(entry).split("/")[0] for entry in distribution.files}:
            if top.endswith(".dist-info"):
                os.symlink(os.path.join(site, top), os.path.join(directory, top))
        atexit.register(shutil.rmtree, directory, True)
        _pyperf_dir.append(directory)
    return _pyperf_dir[0]
