# Bare raise re-raises the exception being handled, keeping its traceback; outside a handler it errors.
import traceback


def inner(n):
    return 10 // n


def reraiser(n):
    try:
        return inner(n)
    except ZeroDivisionError:
        print("  logging and re-raising")
        raise


def nested_handlers():
    try:
        raise ValueError("outer")
    except ValueError:
        try:
            raise KeyError("inner")
        except KeyError:
            pass
        raise


for n in (2, 0, 5):
    try:
        print(reraiser(n))
    except ZeroDivisionError as e:
        tb = traceback.extract_tb(e.__traceback__)
        print("caught", e, [(f.name, f.lineno) for f in tb])
for _ in range(3):
    try:
        nested_handlers()
    except ValueError as e:
        print("re-raised the outer one:", e)
    try:
        raise
    except RuntimeError as e:
        print("RuntimeError:", e)
