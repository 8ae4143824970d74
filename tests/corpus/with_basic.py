# with statements: __enter__ result bound by as, __exit__ receiving exception details, not suppressing.


class Tracker:
    def __init__(self, name, log):
        self.name = name
        self.log = log

    def __enter__(self):
        self.log.append(f"enter {self.name}")
        return self.name.upper()

    def __exit__(self, et, ev, tb):
        self.log.append(f"exit {self.name} {et.__name__ if et else None} {ev!s}")
        return False


def use(fail):
    log = []
    try:
        with Tracker("res", log) as r:
            log.append(f"body {r}")
            if fail:
                raise fail("problem")
            log.append("body end")
    except Exception as e:
        log.append(f"caught {type(e).__name__}")
    return log


def return_inside(log):
    with Tracker("ret", log):
        return "returned"


for fail in (None, ValueError, KeyError, None):
    print(use(fail))
log = []
print(return_inside(log), log)
try:
    with 5:
        pass
except TypeError as e:
    print("TypeError:", e)


class NoExit:
    def __enter__(self):
        return self


try:
    with NoExit():
        pass
except TypeError as e:
    print("TypeError:", e)
