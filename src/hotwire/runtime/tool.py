"""hotwire's identity in sys.monitoring, shared by the hotness counters and the compiled entry check."""
import sys

TOOL = sys.monitoring.OPTIMIZER_ID


def own_tool_mask():
    """Our tool's bit in each event byte we use (PY_START is event 0, JUMP event 7) of the
    interpreter's 15-byte monitoring table, read by compiled code as two overlapping 8-byte words."""
    return (1 << TOOL) | (1 << (TOOL + 8 * 7))
