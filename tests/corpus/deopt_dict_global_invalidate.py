# Globals read in a hot loop are rebound/deleted by a callee during the loop; each read sees the latest.
RATE = 1


def change(i):
    global RATE
    if i == 3:
        RATE = 2.5
    elif i == 6:
        RATE = "r"
    elif i == 8:
        del RATE
    elif i == 9:
        RATE = 10 ** 20


def hot(n):
    out = []
    for i in range(n):
        try:
            out.append(RATE * 2)
        except NameError as e:
            out.append(f"NameError: {e}")
        change(i)
    return out


for _ in range(3):
    RATE = 1
    print(hot(11))
