# Uncaught error deep inside methods, properties and a lambda; traceback shows each frame and caret.


class Inventory:
    def __init__(self):
        self.items = {"apple": 3, "pear": 0}

    @property
    def total(self):
        return sum(self.items.values())

    def share(self, name):
        per = lambda n: self.total // self.items[n]
        return per(name)


def audit(inv, names):
    return {n: inv.share(n) for n in names}


def main():
    inv = Inventory()
    print(audit(inv, ["apple", "apple"]))
    print(audit(inv, ["apple", "pear"]))


main()
# hotwire: expect-exit 1
