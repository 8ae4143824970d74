# Searching, slicing, comparisons and conversions of strings in compiled loops.


def find_all(s, sub):
    out = []
    i = s.find(sub)
    while i != -1:
        out.append(i)
        i = s.find(sub, i + 1)
    return out


def is_palindrome(s):
    t = [c.lower() for c in s if c.isalnum()]
    return t == t[::-1]


def longest_common_prefix(words):
    if not words:
        return ""
    p = words[0]
    for w in words[1:]:
        while not w.startswith(p):
            p = p[:-1]
    return p


for _ in range(3):
    print(find_all("abracadabra", "abra"), find_all("aaaa", "aa"), find_all("", "a"), find_all("abc", ""))
    print([is_palindrome(s) for s in ("A man, a plan, a canal: Panama", "hello", "", "No 'x' in Nixon")])
    print(longest_common_prefix(["flower", "flow", "flight"]), longest_common_prefix(["a"]), repr(longest_common_prefix(["x", "y"])))
    print(int("0x1f", 16), int("0b101", 0), int("  -7_0 "), str(-0), "%.3s" % "abcdef", "abc" * 0, "ab" < "abc" < "b")
