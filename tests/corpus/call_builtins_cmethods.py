# Builtin functions and C methods called with various argument shapes from hot loops.


def use_builtins(xs):
    return (len(xs), sum(xs), min(xs), max(xs, key=lambda v: -v), sorted(xs, reverse=True), list(reversed(xs)),
            any(x > 2 for x in xs), all(xs), list(zip(xs, xs[1:])), list(enumerate(xs, 1)), list(map(str, xs)),
            list(filter(None, xs)), abs(-xs[0]), round(xs[0] / 3, 2), divmod(xs[-1], 2), pow(xs[0], 2),
            isinstance(xs, list), hash(tuple(xs)), repr(xs), ascii("é"), chr(65 + int(xs[0])), ord("a"), hex(int(xs[0])),
            format(int(xs[0]), "08b"), int("ff", 16), int(" 42 "), float("  1.5"), bool(xs), tuple(xs), set(xs) == set(xs))


def use_cmethods(s, lst, d):
    lst.append(s)
    lst.extend([s, s])
    lst.insert(0, "first")
    popped = lst.pop()
    lst.remove("first")
    d.setdefault(s, []).append(len(lst))
    return (s.upper(), s.split(","), ",".join(lst), s.replace("a", "A", 1), s.startswith(("x", "a")), lst.index(s),
            lst.count(s), popped, d.get(s), d.pop("nope", "dflt"), sorted(d.items()), s.encode(), s.zfill(8),
            s.partition(","), s.center(9, "*"), s.find("b"), s.rfind("z"), lst.copy() == lst, s.isalpha(), s.title())


for xs in ([1, 2, 3], [5, 0, 2, 8], [3.5, 1.5]):
    print(use_builtins(xs))
d = {}
for s in ("a,b", "abc", "a,b"):
    print(use_cmethods(s, [], d))
