# A global rebound at every iteration of a hot loop (`global counter; counter += 1`) and read by other
# compiled functions: each read sees the latest value, also once another namespace uses this module's
# globals as its builtins (so the same key matters to two namespaces), and after the global is deleted.
counter = 0


def bump():
    global counter
    counter += 1


def read():
    return counter


def loop(n):
    seen = []
    for _ in range(n):
        bump()
        seen.append(read())
    return seen


print(loop(5), loop(1000)[-3:])
ns = {"__builtins__": globals()}
exec("def peek():\n    return counter\n", ns)
for _ in range(3):
    bump()
    print(counter, read(), ns["peek"]())
counter = "text"
print(read(), ns["peek"]())
del counter
for f in (read, ns["peek"]):
    try:
        f()
    except NameError as e:
        print("NameError:", e)
counter = 7
print(loop(3), ns["peek"]())
