# __del__ runs exactly when the last reference goes away (reference counting), also inside compiled frames.
events = []


class Res:
    def __init__(self, name):
        self.name = name
        events.append(f"open {name}")

    def __del__(self):
        events.append(f"close {self.name}")


def scoped(tag):
    r = Res(tag)
    events.append(f"using {tag}")
    return len(r.name)


def rebind(tag):
    r = Res(tag + "1")
    r = Res(tag + "2")
    events.append("rebound")
    del r
    events.append("deleted")


def temporaries(tag):
    n = len(Res(tag + "-tmp").name)
    events.append("after temporary")
    lst = [Res(tag + "-a"), Res(tag + "-b")]
    lst.pop()
    events.append("popped")
    lst.clear()
    events.append("cleared")
    return n


for tag in ("x", "y", "z"):
    events.clear()
    scoped(tag)
    rebind(tag)
    temporaries(tag)
    print(events)
