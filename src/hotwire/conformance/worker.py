"""Run one module of CPython's regression suite in this process and record each test's outcome.

    python -m hotwire.conformance.worker test_grammar results.jsonl
    python -m hotwire -m hotwire.conformance.worker test_grammar results.jsonl    (under the JIT)

The module is loaded the way `python -m unittest test.<module>` loads it (its `load_tests`, if any, is
honoured) and run with a result class that appends one JSON line per event to the results file and
flushes it at once, so a run that crashes or hangs still shows which tests finished and which one was
running (`{"start": id}` without a matching `{"stop": id}`). Outcomes are `pass`, `fail`, `error`,
`skip`, `xfail` (expected failure) and `xpass` (unexpected success); a failing subtest is its own
entry, named as unittest names it. `detail` holds the end of the traceback (or the skip reason), so
the report can show how the two runs differ.

Resources (`test.support.requires('cpu')` ...) are disabled as under a plain `python -m test` run.
This module lives inside the hotwire package, so the JIT never compiles it: under hotwire, only the
tests and the stdlib code they call are compiled.
"""
import json
import sys
import unittest

DETAIL_LINES = 12  # lines kept from the end of a traceback


class RecordingResult(unittest.TestResult):
    """A TestResult that writes every outcome to a JSON-lines file as soon as it is known."""

    def __init__(self, out):
        super().__init__()
        self.out = out

    def _write(self, record):
        self.out.write(json.dumps(record) + "\n")
        self.out.flush()

    def _outcome(self, test, outcome, detail=""):
        self._write({"test": test.id(), "outcome": outcome, "detail": detail})

    def startTest(self, test):
        super().startTest(test)
        self._write({"start": test.id()})

    def stopTest(self, test):
        super().stopTest(test)
        self._write({"stop": test.id()})

    def addSuccess(self, test):
        self._outcome(test, "pass")

    def addFailure(self, test, err):
        self._outcome(test, "fail", self._tail(err, test))

    def addError(self, test, err):
        self._outcome(test, "error", self._tail(err, test))

    def addSkip(self, test, reason):
        self._outcome(test, "skip", reason)

    def addExpectedFailure(self, test, err):
        self._outcome(test, "xfail")

    def addUnexpectedSuccess(self, test):
        self._outcome(test, "xpass")

    def addSubTest(self, test, subtest, err):
        if err is not None:
            failed = issubclass(err[0], test.failureException)
            self._outcome(subtest, "fail" if failed else "error", self._tail(err, test))

    def _tail(self, err, test):
        """The last lines of the traceback, without unittest's own frames (as unittest prints it)."""
        text = self._exc_info_to_string(err, test)
        return "\n".join(text.rstrip("\n").splitlines()[-DETAIL_LINES:])


def run(module, out):
    from test import support
    support.use_resources = []
    suite = unittest.defaultTestLoader.loadTestsFromName("test." + module)
    result = RecordingResult(out)
    suite.run(result)
    return result


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 2:
        print("usage: python -m hotwire.conformance.worker MODULE RESULTS.jsonl", file=sys.stderr)
        return 2
    module, path = argv
    with open(path, "w") as out:
        run(module, out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
