"""Leaves through SystemExit in the way argv[1] names."""
import sys

mode = sys.argv[1]
print("exiting:", mode)
if mode == "none":
    sys.exit()
if mode == "text":
    sys.exit("fatal: stopped")
raise SystemExit(int(mode))
