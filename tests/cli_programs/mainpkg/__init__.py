"""A package run with -m; while it is imported, sys.argv[0] is still '-m'."""
import sys

print("importing mainpkg, argv:", sys.argv)
