# sys.setprofile after warm-up: call/return events for Python functions and c_call events for builtins.
import sys

events = []


def profiler(frame, event, arg):
    if frame.f_code.co_filename != __file__:
        return
    if event in ("call", "return"):
        events.append((event, frame.f_code.co_name))
    elif event in ("c_call", "c_return"):
        events.append((event, getattr(arg, "__name__", "?")))


def leaf(v):
    return abs(v) + len(str(v))


def branch(v):
    return leaf(v) * 2


for v in (-3, 4, -5):
    print(branch(v))
sys.setprofile(profiler)
try:
    r = branch(-12)
finally:
    sys.setprofile(None)
print(r)
for e in events:
    print(e)
