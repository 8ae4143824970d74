# Rebinding a global function while a loop keeps calling it by name.


def helper(x):
    return x + 1


def other(x):
    return x * 100


def driver(n):
    global helper
    out = []
    for i in range(n):
        out.append(helper(i))
        if i == 3:
            helper = other
        if i == 6:
            helper = lambda x: -x
        if i == 8:
            helper = str
    return out


original = helper
for _ in range(3):
    helper = original
    print(driver(11))


def caller():
    return helper(7)


for f in (original, other, abs, lambda v: [v]):
    helper = f
    print(caller(), caller())
del helper
try:
    caller()
except NameError as e:
    print("NameError:", e)
