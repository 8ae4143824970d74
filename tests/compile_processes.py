"""Waiting for compile processes (runtime/compile_process.py), for tests that run a program twice.

A program's compile process outlives it: a run started right after may find the machine code not yet
in the code cache. Compile processes name themselves PROCESS_NAME; tests run one at a time, so every
such process on the machine is the suite's (or another suite's: waiting for it costs only time)."""
import os
import time

from hotwire.runtime.compile_process import PROCESS_NAME


def running():
    """The pids of the compile processes that exist now."""
    pids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/comm") as f:
                    if f.read().strip() == PROCESS_NAME:
                        pids.append(int(entry))
            except OSError:   # it ended meanwhile
                pass
    return pids


def wait_for_all(timeout=120):
    """Until no compile process runs (they stored what they made). Fails after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while running():
        assert time.monotonic() < deadline, f"compile processes still running: {running()}"
        time.sleep(0.02)
