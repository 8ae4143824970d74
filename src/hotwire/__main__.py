"""`python -m hotwire ...`: the same front end as the `hotwire` console script (see hotwire.cli).

`import hotwire` must stay the first import: on any interpreter but CPython 3.12 it prints one sentence
and exits with status 2, before anything that only works on 3.12 is imported.
"""
import hotwire  # noqa: F401  (the platform check)
from hotwire.cli import main

if __name__ == "__main__":
    status = main(prog="python -m hotwire")
    if status is not None:
        raise SystemExit(status)
