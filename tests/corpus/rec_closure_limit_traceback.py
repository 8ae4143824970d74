# A recursive closure that runs into the recursion limit inside a unittest test method: the traceback
# must end in the program's own `f()` line with CPython's frame count, never in a frame of the JIT
# (whose monitoring callback, called at the start of an interpreted call, needs room on the stack too).
import io
import traceback
import unittest

found = []


class Deep(unittest.TestCase):
    def test_closure(self):
        def f():
            f()
        try:
            f()
        except RecursionError as e:
            found.append(traceback.format_exception(e)[-3:])


for attempt in range(2):
    suite = unittest.defaultTestLoader.loadTestsFromTestCase(Deep)
    result = unittest.TextTestRunner(stream=io.StringIO()).run(suite)
    print(attempt, result.wasSuccessful(), found[-1])
