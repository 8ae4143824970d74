# Dictionary-heavy word counting and inverted index over generated text.


def text(n):
    words = ["alpha", "beta", "gamma", "delta", "eps", "zeta", "eta", "theta"]
    out = []
    x = 7
    for i in range(n):
        x = (x * 1103515245 + 12345) % (2 ** 31)
        out.append(words[x % len(words)])
    return out


def count(words):
    c = {}
    for w in words:
        if w in c:
            c[w] += 1
        else:
            c[w] = 1
    return c


def index(words):
    idx = {}
    for pos, w in enumerate(words):
        idx.setdefault(w, []).append(pos)
    return {w: (len(p), p[:3]) for w, p in sorted(idx.items())}


for n in (10, 200, 3000):
    ws = text(n)
    print(n, sorted(count(ws).items()), index(ws)["alpha"] if "alpha" in ws else None)
