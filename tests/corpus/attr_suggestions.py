# AttributeError / NameError "Did you mean" suggestions appear in the uncaught traceback (and e.name/e.obj).


class Config:
    def __init__(self):
        self.verbose = True
        self.threshold = 3


def read(cfg, name):
    return getattr(cfg, name)


def outer(cfg):
    for name in ("verbose", "threshold", "verbose"):
        print(name, read(cfg, name))
    try:
        read(cfg, "treshold")
    except AttributeError as e:
        print("caught:", e, e.name, type(e.obj).__name__)
    return read(cfg, "verbos")


def main():
    return outer(Config())


main()
# hotwire: expect-exit 1
