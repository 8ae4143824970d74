"""Run by `-m mainpkg.failing`: the traceback shows runpy's frames, as with python -m."""


def crash():
    raise LookupError("from a module")


crash()
