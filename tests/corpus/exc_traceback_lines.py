# Traceback objects and frames report the right function names and line numbers for each compiled frame.
import sys
import traceback


def leaf(x):
    if x > 2:
        raise ValueError(x)
    return x


def mid(x):
    y = x + 1
    return leaf(y)


def top(x):
    try:
        return mid(x)
    except ValueError:
        _, _, tb = sys.exc_info()
        return [(fs.name, fs.lineno, fs.line) for fs in traceback.extract_tb(tb)]


for x in (0, 1, 2, 3, 5):
    print(x, top(x))


def handler_line():
    try:
        {}["x"]
    except KeyError as e:
        return e.__traceback__.tb_lineno, e.__traceback__.tb_frame.f_lineno, sys._getframe().f_lineno


for _ in range(3):
    print(handler_line())
