"""`python -m hotwire.bench`: the same command as `hotwire bench`."""
import sys

from hotwire.bench.cli import main

if __name__ == "__main__":
    sys.exit(main(prog="python -m hotwire.bench"))
