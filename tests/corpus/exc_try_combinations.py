# try/except/else/finally in every combination, with and without an exception, tracing execution order.


def run(raise_what):
    trace = []
    try:
        trace.append("try")
        if raise_what is not None:
            raise raise_what("boom")
        trace.append("try-end")
    except ValueError as e:
        trace.append(f"except ValueError({e})")
    except (KeyError, IndexError) as e:
        trace.append(f"except {type(e).__name__}")
    except Exception:
        trace.append("except Exception")
    else:
        trace.append("else")
    finally:
        trace.append("finally")
    return trace


def only_finally(fail):
    trace = []
    try:
        try:
            trace.append("inner")
            if fail:
                1 / 0
        finally:
            trace.append("inner finally")
    except ZeroDivisionError:
        trace.append("outer caught")
    return trace


def try_else_raises():
    try:
        pass
    except Exception:
        return "not here"
    else:
        try:
            raise KeyError("from else")
        except KeyError as e:
            return f"else raised {e}"


for _ in range(3):
    for exc in (None, ValueError, KeyError, IndexError, TypeError):
        print(run(exc))
    print(only_finally(True), only_finally(False), try_else_raises())
