# += on lists mutates in place (aliases see it), on tuples/strs rebinds; *= likewise; |= on sets and dicts.


def lists():
    a = [1, 2]
    b = a
    a += [3]
    a += (4, 5)
    a += "xy"
    a *= 2
    return a, b, a is b


def tuples():
    t = (1,)
    u = t
    t += (2,)
    t *= 2
    return t, u, t is u


def strings(n):
    s = ""
    for i in range(n):
        s += str(i)
        s *= 1
    return s


def sets_dicts():
    s = {1}
    s2 = s
    s |= {2}
    s &= {1, 2, 3}
    s ^= {3}
    s -= {1}
    d = {"a": 1}
    d2 = d
    d |= {"b": 2}
    d |= [("c", 3)]
    return sorted(s), s is s2, d, d is d2


for _ in range(3):
    print(lists())
    print(tuples())
    print(strings(12))
    print(sets_dicts())
    t = (1, [2])
    try:
        t[1] += [3]
    except TypeError as e:
        print("TypeError:", e, t)
    x = [0]
    try:
        x += 5
    except TypeError as e:
        print("TypeError:", e)
