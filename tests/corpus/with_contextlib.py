# contextlib tools: contextmanager generators, suppress, ExitStack callbacks, redirect_stdout.
import contextlib
import io


@contextlib.contextmanager
def tag(name, log):
    log.append(f"<{name}>")
    try:
        yield name * 2
    except ValueError as e:
        log.append(f"handled {e}")
    finally:
        log.append(f"</{name}>")


def use(fail):
    log = []
    with tag("b", log) as t:
        log.append(t)
        if fail:
            raise ValueError("inside")
    return log


def stack(n):
    log = []
    with contextlib.ExitStack() as es:
        for i in range(n):
            es.callback(log.append, f"cb{i}")
            es.enter_context(tag(f"t{i}", log))
        log.append("body")
    return log


for _ in range(3):
    print(use(False), use(True), stack(2))
    with contextlib.suppress(KeyError, IndexError):
        [][1]
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        print("captured", 42)
    print(repr(buf.getvalue()))
