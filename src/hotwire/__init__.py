"""hotwire: a JIT compiler for CPython 3.12 that stays CPython.

Public API: enable(), disable(), jit(), explain(), stats(). See docs/architecture.md for the pipeline.
"""
from hotwire._platform import require_supported

require_supported()

from hotwire.runtime.api import enable, disable, jit, explain, stats, is_compiled  # noqa: E402

__version__ = "0.1.0"
__all__ = ["enable", "disable", "jit", "explain", "stats", "is_compiled", "__version__"]
