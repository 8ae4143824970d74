# A wide sweep of str methods on ASCII, unicode, empty and whitespace-heavy strings.


def sweep(s):
    return [s.upper(), s.lower(), s.capitalize(), s.title(), s.swapcase(), s.casefold(), s.strip(), s.lstrip(" a"),
            s.rstrip("!"), s.split(), s.split("a", 1), s.rsplit(None, 1), s.splitlines(), s.count("a"), s.find("a"),
            s.rfind("a"), s.startswith("a"), s.endswith(("!", "?")), s.isdigit(), s.isalnum(), s.isspace(),
            s.istitle(), s.replace("a", "@"), s.center(12, "."), s.ljust(10, "-"), s.rjust(10), s.zfill(10),
            s.expandtabs(4), s.partition(" "), s.rpartition(" "), s.removeprefix("ab"), s.removesuffix("!"),
            s.encode("utf-8", "replace"), len(s), s[::-1], s.isidentifier(), s.isprintable(), s.isascii()]


for s in ("abc def!", "  Alpha beta  ", "", "ÀÉÎõü straße", "line1\nline2\r\nline3", "a\tb\tc", "12345", "ǅungla"):
    print(repr(s), sweep(s))
print("-".join(["x", "y"]), ", ".join(str(i) for i in range(4)), "ab".join("12"), str.maketrans("ab", "xy"), "abc".translate({97: "Z", 98: None}))
