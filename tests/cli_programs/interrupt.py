"""An uncaught KeyboardInterrupt: CPython prints it, then dies by SIGINT."""


def wait():
    raise KeyboardInterrupt


print("waiting")
wait()
