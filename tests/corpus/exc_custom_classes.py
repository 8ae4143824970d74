# Custom exception hierarchies: args, __str__, attributes, catching by base class, exception groups of them.


class BaseAppError(Exception):
    code = 1


class NotFound(BaseAppError):
    code = 404

    def __init__(self, what, where="db"):
        super().__init__(what, where)
        self.what = what

    def __str__(self):
        return f"{self.what} not found in {self.args[1]}"


class Invalid(BaseAppError, ValueError):
    pass


class NoArgs(Exception):
    pass


def fail(kind):
    if kind == 0:
        raise NotFound("user")
    if kind == 1:
        raise Invalid("bad", 42)
    if kind == 2:
        raise NoArgs
    if kind == 3:
        raise NotFound("row", where="cache")
    return "ok"


for _ in range(3):
    for kind in range(5):
        try:
            print(fail(kind))
        except ValueError as e:
            print("ValueError-branch", type(e).__name__, e.args, str(e), repr(e), e.code)
        except BaseAppError as e:
            print("BaseAppError-branch", type(e).__name__, e.args, str(e), repr(e), e.code)
        except Exception as e:
            print("Exception-branch", type(e).__name__, e.args, str(e), repr(e))
    print([c.__name__ for c in Invalid.__mro__])
