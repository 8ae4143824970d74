"""What an atexit handler sees of __main__ and sys.excepthook, after success or (argv[1] == fail) an error."""
import atexit
import sys

import __main__


def report():
    print("at exit:", "__file__" in vars(__main__), sys.excepthook is sys.__excepthook__, flush=True)


atexit.register(report)
if sys.argv[1:] == ["fail"]:
    raise ValueError("failed")
