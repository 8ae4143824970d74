# raise ... from sets __cause__ and __suppress_context__; from None hides the context.


class AppError(Exception):
    pass


def parse(s):
    try:
        return int(s)
    except ValueError as e:
        raise AppError(f"bad input {s!r}") from e


def parse_quiet(s):
    try:
        return int(s)
    except ValueError:
        raise AppError("quiet") from None


def cause_from_other(s):
    raise AppError("explicit") from KeyError(s)


def info(e):
    return (type(e).__name__, str(e), type(e.__cause__).__name__, type(e.__context__).__name__, e.__suppress_context__)


for s in ("12", "x", "3.5"):
    for fn in (parse, parse_quiet, cause_from_other):
        try:
            print(fn(s))
        except AppError as e:
            print(info(e))
try:
    raise AppError("bad cause") from 5
except TypeError as e:
    print("TypeError:", e)
