# assert with and without a message; the message expression is evaluated only on failure.
calls = []


def msg(v):
    calls.append(v)
    return f"value was {v!r}"


def check(v):
    try:
        assert v, msg(v)
        assert isinstance(v, (int, str, list)), "type check"
        assert v != 3
        return "passed"
    except AssertionError as e:
        return f"AssertionError: {e!s} args={e.args}"


for _ in range(3):
    print([check(v) for v in (1, 0, "", "x", [0], 3, 2.5, None)], calls)
    calls.clear()
