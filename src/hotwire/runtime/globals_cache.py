"""Global and builtin lookups for compiled code (see docs/architecture.md, "Globals and builtins")."""


def provider_for(func):
    """None: compiled code looks globals up in the globals dict, then in builtins, at each use."""
    return None
