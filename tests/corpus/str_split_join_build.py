# Building strings in loops (+= and join), splitting and rejoining, character-level transformations.


def caesar(s, k):
    out = ""
    for ch in s:
        if ch.isalpha():
            base = ord("a") if ch.islower() else ord("A")
            out += chr((ord(ch) - base + k) % 26 + base)
        else:
            out += ch
    return out


def words_stats(text):
    words = text.lower().replace(",", " ").replace(".", " ").split()
    freq = {}
    for w in words:
        freq[w] = freq.get(w, 0) + 1
    return len(words), sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:3]


def rle(s):
    if not s:
        return ""
    parts = []
    prev, n = s[0], 1
    for ch in s[1:]:
        if ch == prev:
            n += 1
        else:
            parts.append(f"{n}{prev}")
            prev, n = ch, 1
    parts.append(f"{n}{prev}")
    return "".join(parts)


TEXT = "The cat sat. The cat ran, the dog sat."
for k in (1, 13, -3):
    print(caesar(TEXT, k), caesar(caesar(TEXT, k), -k) == TEXT)
    print(words_stats(TEXT * abs(k)), rle("aaabccddddd" * abs(k))[:30], rle(""))
