# Name resolution order: local, enclosing, global, builtin; globals created and removed at run time.
import builtins

x = "global x"


def read_global():
    return x


def read_local():
    x = "local x"
    return x


def read_builtin():
    return len("abc"), abs(-3), min


def read_later():
    return later


def assign_global(v):
    global x
    x = v
    return x


for i in range(4):
    print(read_global(), read_local(), read_builtin()[:2], read_builtin()[2] is builtins.min)
    try:
        print(read_later())
    except NameError as e:
        print("NameError:", e)
    if i == 1:
        later = "defined now"
    if i == 2:
        del later
    assign_global(f"global x v{i}")
print(x)
