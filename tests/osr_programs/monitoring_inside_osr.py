# Code run by on-stack replacement starts inside the JUMP event's callback, where 3.12 silences every
# monitoring event. It must not stay silenced: a tool (here a second sys.monitoring tool, as a
# profiler would use) sees the calls the loop makes after the call moved into compiled code.
import sys

PROBE = 3
seen = []


def probe():
    return 1


def main(n):
    total = 0
    for i in range(n):
        if i == n - 5:
            sys.monitoring.use_tool_id(PROBE, "probe")
            sys.monitoring.register_callback(PROBE, sys.monitoring.events.PY_START,
                                             lambda code, offset: seen.append(code.co_name))
            sys.monitoring.set_events(PROBE, sys.monitoring.events.PY_START)
        total += probe()
    sys.monitoring.set_events(PROBE, 0)
    sys.monitoring.free_tool_id(PROBE)
    return total


print(main(30000), seen)
