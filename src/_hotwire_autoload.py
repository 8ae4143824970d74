"""Enable hotwire at interpreter start-up when HOTWIRE=1 (imported by hotwire-autoload.pth).

`hotwire run` sets HOTWIRE=1, so the Python processes a program starts (subprocess children,
multiprocessing workers, pyperf workers) run with the JIT as well, with the settings (HOTWIRE_THRESHOLD,
HOTWIRE_ONLY, ...) they inherit through the environment. The .pth line checks the Python version and the
variable before importing this module, so every other process pays nothing for it.

Nothing here may keep the interpreter from starting: a problem is reported in one line on stderr, and
the process runs without the JIT.
"""
import sys


def _enable():
    try:
        import hotwire
        hotwire.enable()
    except SystemExit:  # an interpreter hotwire cannot run on: hotwire has said why in one line
        pass
    except Exception as error:  # a bad HOTWIRE_THRESHOLD, a broken installation...
        sys.stderr.write(f"hotwire: HOTWIRE=1 ignored: {error}\n")


_enable()
