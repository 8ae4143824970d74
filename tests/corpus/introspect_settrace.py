# sys.settrace turned on after functions have already run (and been compiled): the tracer must still
# see call/line/return events with the right line numbers; turned off again afterwards.
import sys

events = []


def tracer(frame, event, arg):
    code = frame.f_code
    if code.co_filename == __file__ and code.co_name in ("work", "helper"):
        rel = frame.f_lineno - code.co_firstlineno
        events.append((code.co_name, event, rel, repr(arg) if event == "return" else None))
        return tracer
    return None


def helper(x):
    y = x * 2
    return y + 1


def work(n):
    total = 0
    for i in range(n):
        total += helper(i)
    return total


for _ in range(3):
    print(work(3))
sys.settrace(tracer)
try:
    r = work(2)
finally:
    sys.settrace(None)
print(r)
for e in events:
    print(e)
events.clear()
print(work(4), events)
