# Uncaught exception raised while handling another: "During handling of the above exception..." traceback.


def load(key):
    table = {"a": 1}
    return table[key]


def lookup(keys):
    results = []
    for k in keys:
        try:
            results.append(load(k))
        except KeyError:
            results.append(int(k))
    return results


def main():
    print(lookup(["a", "1", "a"]))
    print(lookup(["a", "2"]))
    print(lookup(["a", "b"]))


main()
# hotwire: expect-exit 1
