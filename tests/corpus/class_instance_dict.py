# The instance __dict__ shadows non-data class attributes; deleting it reveals the class attribute again.


class K:
    attr = "class"

    def method(self):
        return "method"


def look(k):
    return k.attr, k.method() if callable(k.method) else k.method


for _ in range(3):
    k = K()
    print(look(k))
    k.attr = "instance"
    k.method = lambda: "instance lambda"
    print(look(k), sorted(vars(k)))
    del k.attr
    del k.method
    print(look(k))
    k.__dict__["method"] = "not callable"
    print(look(k))
    k.__dict__.clear()
    print(look(k))
    k.__dict__ = {"attr": "new dict"}
    print(look(k), k.__dict__)
    try:
        del k.missing
    except AttributeError as e:
        print("AttributeError:", e)
