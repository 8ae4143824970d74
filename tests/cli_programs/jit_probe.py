"""Reports whether the JIT compiled a small function, and the HOTWIRE_STATS the runtime sees."""
import os

import hotwire


def add(a, b):
    return a + b


for i in range(3):
    add(i, 1)
print("compiled:", hotwire.is_compiled(add), "HOTWIRE_STATS:", os.environ.get("HOTWIRE_STATS"))
