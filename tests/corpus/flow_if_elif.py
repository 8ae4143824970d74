# if/elif/else chains over many value types, nested conditions and conditional expressions.


def classify(x):
    if x is None:
        return "none"
    elif isinstance(x, bool):
        return "bool-" + ("t" if x else "f")
    elif isinstance(x, (int, float)):
        if x < 0:
            return "neg"
        elif x == 0:
            return "zero"
        elif x < 10:
            return "small"
        else:
            return "big" if x < 10 ** 10 else "huge"
    elif isinstance(x, str):
        if not x:
            return "empty-str"
        return "str:" + ("upper" if x.isupper() else "lower" if x.islower() else "mixed")
    else:
        return "other:" + type(x).__name__


def fizz(n):
    out = []
    for i in range(1, n + 1):
        if i % 15 == 0:
            out.append("FizzBuzz")
        elif i % 3 == 0:
            out.append("Fizz")
        elif i % 5 == 0:
            out.append("Buzz")
        else:
            out.append(str(i))
    return " ".join(out)


for _ in range(3):
    print([classify(v) for v in (None, True, False, -1, 0, 0.0, 5, 5.5, 99, 10 ** 12, "", "AB", "ab", "Ab", [], {})])
    print(fizz(20))
