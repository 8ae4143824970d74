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


# pyperf 2.8 and later read entry-point hooks with Python 3.10's importlib.metadata API; PyPy 7.3.11 is
# Python 3.9, so it gets the last release without them (its worker protocol and JSON are the same).
PYPERF_FOR_PYTHON_39 = "2.7.0"


def pypy(executable=None):
    """PyPy from `executable` or `pypy3` on PATH, with a pyperf it can run importable.

    PyPy has its own site-packages without pyperf. For a PyPy of Python 3.10 or later, this
    environment's pyperf package and its dist-info (whose entry points pyperf reads at start-up) are
    linked into a private directory put on PYTHONPATH, so nothing else of this environment leaks into
    PyPy; for an older one, pyperf PYPERF_FOR_PYTHON_39 is installed once into hotwire's cache.
    """
    path = executable or shutil.which("pypy3")
    if not path:
        raise RuntimeMissing("PyPy was asked for (--pypy) but `pypy3` is not on PATH; install it "
                             "(apt-get install pypy3) or drop --pypy")
    try:
        probe = subprocess.run([path, "-c", "import sys; print(sys.version_info[0], sys.version_info[1], "
                                "sys.version.split()[0], sys.pypy_version_info[:3])"], capture_output=True,
                               text=True, timeout=60, check=True).stdout.split(maxsplit=2)
    except (OSError, subprocess.SubprocessError) as exc:
        raise RuntimeMissing(f"PyPy at {path} does not run: {exc}") from None
    python, version = (int(probe[0]), int(probe[1])), probe[2].strip()
    pyperf_path = _pyperf_for_pypy() if python >= (3, 10) else _pinned_pyperf(PYPERF_FOR_PYTHON_39)
    return Runtime("pypy", "PyPy", [path], env={"PYTHONPATH": pyperf_path}, version=version)


def _pinned_pyperf(release):
    """A directory holding pyperf `release`, installed by pip into hotwire's cache on first use."""
    cache = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    directory = os.path.join(cache, "hotwire", f"pyperf-{release}")
    if not os.path.isdir(os.path.join(directory, "pyperf")):
        try:
            subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target",
                            directory, f"pyperf=={release}"], capture_output=True, text=True, timeout=300,
                           check=True)
        except (OSError, subprocess.SubprocessError) as exc:
            detail = getattr(exc, "stderr", "") or exc
            raise RuntimeMissing(f"PyPy (Python 3.9) needs pyperf {release}, and installing it into "
                                 f"{directory} failed: {str(detail).strip().splitlines()[-1:]}") from None
    return directory


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
