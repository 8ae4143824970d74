"""Writes to stdout, then dies with a chained exception raised a few calls deep."""


def parse(text):
    return int(text)


def load(text):
    try:
        return parse(text)
    except ValueError as exc:
        raise RuntimeError(f"cannot load {text!r}") from exc


def main():
    print("loading")
    try:
        load("x")
    except RuntimeError:
        return {}["missing"]


main()
