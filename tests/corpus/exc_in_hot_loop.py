# Exceptions raised and handled inside the body of a hot loop, in the same function, at some iterations:
# after each handled exception the loop must continue with the right state.


def parse_all(tokens):
    out = []
    errors = 0
    for t in tokens:
        try:
            out.append(int(t))
        except ValueError:
            errors += 1
            out.append(None)
        except TypeError as e:
            errors += 100
            out.append(type(e).__name__)
    return out, errors


def safe_ratios(pairs):
    total = 0.0
    skipped = []
    i = 0
    while i < len(pairs):
        a, b = pairs[i]
        i += 1
        try:
            total += a / b
        except ZeroDivisionError:
            skipped.append(i - 1)
            continue
        finally:
            total += 0
    return round(total, 9), skipped


def lookups(d, keys):
    hits = 0
    for k in keys:
        try:
            hits += d[k]
        except KeyError as e:
            hits -= 1
            last = e.args[0]
    return hits, last


for n in (1, 2, 3):
    toks = ["1", "x", "3", None, "5", "6.5", "-7"] * n
    print(parse_all(toks))
    print(safe_ratios([(1, 2), (3, 0), (5, 4), (7, 0.0), (2 ** 70, 3)] * n))
    print(lookups({"a": 1, "b": 2}, ["a", "z", "b", "q"] * n))
