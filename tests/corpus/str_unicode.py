# Unicode handling: code points, encoding/decoding with errors, normalisation, casefold, width of len.
import unicodedata


def info(s):
    return (len(s), [hex(ord(c)) for c in s][:6], s.encode("utf-8"), s.encode("ascii", "replace"),
            s.encode("ascii", "xmlcharrefreplace"), s.encode("utf-16-le")[:8], unicodedata.normalize("NFD", s) == s,
            ascii(s), s.upper(), s.casefold())


def decode(b):
    out = []
    for errors in ("strict", "replace", "ignore", "backslashreplace"):
        try:
            out.append(b.decode("utf-8", errors))
        except UnicodeDecodeError as e:
            out.append(f"UnicodeDecodeError: {e}")
    return out


for s in ("plain", "café", "e\u0301", "日本語", "😀x", "ß", "ﬁ", "\x00\x7f"):
    print(repr(s), info(s))
for b in (b"ok", b"caf\xc3\xa9", b"bad\xff\xfe", b"\xe6\x97"):
    print(b, decode(b))
print(unicodedata.name("é"), unicodedata.category("A"), "\N{GREEK SMALL LETTER ALPHA}", chr(0x1F600).isprintable())
