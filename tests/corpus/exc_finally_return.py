# return inside finally overrides both a pending exception and an earlier return; break/continue in finally.


def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "finally wins"


def override():
    try:
        return "try value"
    finally:
        return "finally value"


def side_effect(log):
    try:
        return log.append("try") or "try-ret"
    finally:
        log.append("finally")


def loop_break():
    out = []
    for i in range(5):
        try:
            if i == 2:
                raise RuntimeError("in loop")
            out.append(i)
        finally:
            if i == 2:
                break
    return out


def loop_continue():
    out = []
    for i in range(4):
        try:
            if i % 2:
                raise KeyError(i)
            out.append(i)
        finally:
            continue
    return out


for _ in range(3):
    log = []
    print(swallow(), override(), side_effect(log), log, loop_break(), loop_continue())
