# Dict and set comprehensions: key collisions, inversion, filtering, nested.


def invert(d):
    return {v: k for k, v in d.items()}


def word_lengths(text):
    return {w: len(w) for w in text.split() if w.isalpha()}


def unique_mod(xs, m):
    return sorted({x % m for x in xs})


def grid(n):
    return {(i, j): i * j for i in range(n) for j in range(n) if i <= j}


for text in ("the quick brown fox", "a bb a 12 ccc", ""):
    print(word_lengths(text), invert(word_lengths(text)))
for m in (2, 3, 7):
    print(unique_mod(range(20), m), grid(m), {k: v for k, v in zip("abc", range(m))}, {c for c in "hello" if c != "l"} == {"h", "e", "o"})
