"""Waiting for compile processes (runtime/compile_process.py), for tests that run a program twice.

A program's compile process outlives it: a run started right after may find the machine code not yet
in the code cache. Tests run one at a time, so every compile process on the machine is the suite's
(or another suite's: waiting for it costs only time)."""
from hotwire.runtime.compile_process import running_processes, wait_for_processes


def wait_for_all(timeout=120):
    """Until no compile process runs (they stored what they made). Fails after `timeout` seconds."""
    assert wait_for_processes(timeout), f"compile processes still running: {running_processes()}"
