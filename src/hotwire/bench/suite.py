"""Which programs a benchmark run measures: pyperformance's pure-Python benchmarks and script programs.

pyperformance benchmarks are found in the *installed* pyperformance package through its own manifest
reader, so their sources are run where pip put them and never copied into this repository. A benchmark
belongs to the pure-Python suite when pyperf is its only dependency. Script programs (the seed programs,
benchmarks/fib.py) are plain files that print their results; each is one program named after its file.
"""
import os
from dataclasses import dataclass, field

# The default suite, in the order the report lists it.
DEFAULT_PYPERFORMANCE = (
    "nbody", "spectral_norm", "float", "richards", "chaos", "raytrace", "fannkuch", "nqueens", "go",
    "deltablue", "hexiom", "generators", "coroutines", "unpack_sequence", "json_dumps", "json_loads",
    "pyflate", "regex_v8", "logging", "deepcopy", "pickle", "scimark", "pidigits", "meteor_contest",
    "comprehensions",
)
# Where the seed programs live relative to a checkout of this repository (../shared/bench/seed).
DEFAULT_SEED_DIR = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", "..", "..", "..",
                                                 "shared", "bench", "seed"))


class SuiteError(Exception):
    """A suite that cannot be built (unknown name, pyperformance missing); reported in one line."""


@dataclass(frozen=True)
class Program:
    """One row of the report. kind is 'pyperformance' (path is its run_benchmark.py, args its extra
    options from the manifest) or 'script' (path is the file run as `python path`)."""
    name: str
    kind: str
    path: str
    args: tuple = field(default=())


def pyperformance_benchmarks():
    """{name: Program} for every benchmark of the installed pyperformance that needs only pyperf."""
    try:
        from pyperformance import _manifest
    except ImportError:
        raise SuiteError("pyperformance is not installed: pip install -e '.[bench]'") from None
    manifest = _manifest.load_manifest(_manifest.DEFAULT_MANIFEST)
    found = {}
    for bench in manifest.benchmarks:
        dependencies = bench._get_metadata_value("dependencies", [])
        if list(dependencies) == ["pyperf"]:
            found[bench.name] = Program(bench.name, "pyperformance", bench.runscript,
                                        tuple(bench.extra_opts or ()))
    return found


def script_programs(paths):
    """{name: Program} for script files, named after the file without .py."""
    return {os.path.splitext(os.path.basename(p))[0]: Program(os.path.splitext(os.path.basename(p))[0],
                                                              "script", os.path.abspath(p))
            for p in paths}


def seed_programs(seed_dir):
    """{name: Program} for the *.py files of the seed directory, or None when it does not exist."""
    if not os.path.isdir(seed_dir):
        return None
    files = sorted(f for f in os.listdir(seed_dir) if f.endswith(".py"))
    return script_programs([os.path.join(seed_dir, f) for f in files])


def select(names, pyperformance, scripts, everything=False):
    """The programs to run, in report order.

    No names: the default pyperformance suite (all pure ones with `everything`) plus every script.
    Names pick programs of either kind; an unknown name is a SuiteError that lists the known ones.
    """
    if not names:
        chosen = sorted(pyperformance) if everything else [n for n in DEFAULT_PYPERFORMANCE
                                                          if n in pyperformance]
        return [pyperformance[n] for n in chosen] + list(scripts.values())
    known = {**pyperformance, **scripts}
    unknown = [n for n in names if n not in known]
    if unknown:
        raise SuiteError(f"unknown benchmark {', '.join(map(repr, unknown))}; known: "
                         f"{', '.join(sorted(known))}")
    return [known[n] for n in dict.fromkeys(names)]
