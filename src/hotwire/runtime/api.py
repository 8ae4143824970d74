"""Public entry points (temporary stubs until the runtime lands)."""


def enable(threshold=None):
    """Start watching calls; functions become compiled once hot."""


def disable():
    """Stop compiling new functions; installed code keeps running until invalidated."""


def jit(func):
    """Decorator: compile `func` at its first call."""
    return func


def explain(func):
    return "not compiled"


def stats():
    return {}


def is_compiled(func):
    return False
