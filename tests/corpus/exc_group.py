# ExceptionGroup and except*: splitting by type, nested groups, re-raising unhandled parts.


def fail_many(n):
    errors = []
    for i in range(n):
        if i % 3 == 0:
            errors.append(ValueError(f"v{i}"))
        elif i % 3 == 1:
            errors.append(KeyError(f"k{i}"))
        else:
            errors.append(TypeError(f"t{i}"))
    raise ExceptionGroup(f"{n} failures", errors)


def handle(n):
    seen = []
    try:
        try:
            fail_many(n)
        except* ValueError as eg:
            seen.append(("ValueError", [str(e) for e in eg.exceptions]))
        except* KeyError as eg:
            seen.append(("KeyError", len(eg.exceptions)))
    except* TypeError as eg:
        seen.append(("outer TypeError", [str(e) for e in eg.exceptions], eg.message))
    return seen


def nested():
    result = None
    try:
        try:
            raise ExceptionGroup("outer", [ValueError(1), ExceptionGroup("inner", [KeyError(2), ValueError(3)])])
        except* ValueError as eg:
            result = [repr(e) for e in eg.exceptions], eg.message
    except* KeyError as rest:
        result = result, "unhandled part:", repr(rest.exceptions)
    return result


for n in (1, 2, 3, 5):
    print(handle(n))
print(nested())
eg = ExceptionGroup("g", [ValueError("a"), TypeError("b")])
match, rest = eg.split(ValueError)
print(repr(match), repr(rest), eg.subgroup(lambda e: isinstance(e, TypeError)).exceptions)
try:
    ExceptionGroup("empty", [])
except ValueError as e:
    print("ValueError:", e)
