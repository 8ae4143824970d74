# Exception chains printed with traceback.format_exception (names and messages only, no file paths).
import traceback


def level3(x):
    return {"a": 1}[x]


def level2(x):
    try:
        return level3(x)
    except KeyError as e:
        raise ValueError(f"level2 could not find {x}") from e


def level1(x):
    try:
        return level2(x)
    except ValueError:
        raise RuntimeError("level1 failed")


def summary(exc):
    lines = traceback.format_exception(exc)
    return [l.strip() for l in lines if not l.startswith("  File") and not l.startswith("    ")]


for x in ("a", "b", "c"):
    try:
        print(level1(x))
    except RuntimeError as e:
        for line in summary(e):
            print("   ", line)
