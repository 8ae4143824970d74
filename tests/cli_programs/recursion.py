"""Recursion depth as the program sees it: the limit error, where RecursionError strikes, and finally
an uncaught RecursionError, whose traceback counts the repeated lines."""
import sys


def dive(n):
    try:
        return dive(n + 1)
    except RecursionError:
        return n


def fall(n):
    return fall(n + 1)


try:
    sys.setrecursionlimit(1)
except RecursionError as exc:
    print(exc)
print("deepest call:", dive(0))
fall(0)
