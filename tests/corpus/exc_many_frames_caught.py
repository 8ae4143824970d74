# A deep chain of compiled calls raising at various depths; each level adds and re-raises with context.


def level(n, fail_at):
    if n == fail_at:
        raise IndexError(f"fail at {n}")
    if n == 0:
        return 0
    try:
        return level(n - 1, fail_at) + 1
    except IndexError as e:
        if n % 4 == 0:
            raise KeyError(f"wrapped at {n}") from e
        raise


def chain_names(e):
    names = []
    while e is not None:
        names.append(f"{type(e).__name__}:{e.args[0]}")
        e = e.__cause__ or e.__context__
    return names


for fail_at in (-1, 0, 3, 5, 9):
    try:
        print(fail_at, level(10, fail_at))
    except (IndexError, KeyError) as e:
        print(fail_at, chain_names(e))
