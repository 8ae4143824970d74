"""Dies with sys.excepthook replaced by a program hook (argv[1]: custom, failing or deleted)."""
import sys
import traceback


def custom(exc_type, exc, tb):
    print("custom hook:", exc_type.__name__, exc, file=sys.stderr)
    print("frames:", [frame.name for frame in traceback.extract_tb(tb)], file=sys.stderr)
    print("same traceback:", tb is exc.__traceback__ is sys.last_traceback, sys.last_exc is exc)


def failing(exc_type, exc, tb):
    raise TypeError("the hook failed")


if sys.argv[1] == "deleted":
    del sys.excepthook
else:
    sys.excepthook = {"custom": custom, "failing": failing}[sys.argv[1]]


def inner():
    raise ValueError("boom")


inner()
