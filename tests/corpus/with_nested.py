# Nested and multi-item with statements: enter/exit ordering and exceptions raised in __exit__.


class CM:
    def __init__(self, name, log, fail_enter=False, fail_exit=False, suppress=False):
        self.name, self.log = name, log
        self.fail_enter, self.fail_exit, self.suppress = fail_enter, fail_exit, suppress

    def __enter__(self):
        self.log.append("enter " + self.name)
        if self.fail_enter:
            raise RuntimeError("enter failed " + self.name)
        return self.name

    def __exit__(self, et, ev, tb):
        self.log.append(f"exit {self.name} got {et.__name__ if et else None}")
        if self.fail_exit:
            raise OSError("exit failed " + self.name)
        return self.suppress


def scenario(**opts):
    log = []
    try:
        with CM("a", log), CM("b", log, **opts) as b, CM("c", log):
            log.append("body " + b)
            if opts.get("suppress"):
                raise ValueError("body")
    except Exception as e:
        log.append(f"outer caught {type(e).__name__}: {e} (context {type(e.__context__).__name__})")
    return log


for _ in range(3):
    print(scenario())
    print(scenario(fail_enter=True))
    print(scenario(fail_exit=True))
    print(scenario(suppress=True))
    log = []
    with CM("x", log) as x:
        with CM("y", log) as y:
            log.append(x + y)
    print(log)
