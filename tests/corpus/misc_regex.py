# Regular expressions from compiled functions: groups, named groups, findall, sub with a function, split.
import re

LOG = re.compile(r"(?P<level>[A-Z]+)\s+(?P<code>\d{3})\s+(?P<msg>.*)")


def parse(lines):
    out = []
    for line in lines:
        m = LOG.match(line)
        out.append(m.groupdict() if m else None)
    return out


def transform(text):
    return (re.findall(r"\d+", text), re.sub(r"\d+", lambda m: str(int(m.group()) * 2), text), re.split(r"[,;]\s*", text),
            re.sub(r"(\w)(\w*)", r"\2\1", text, count=2), bool(re.fullmatch(r"[\w ,;]+", text)),
            [m.span() for m in re.finditer("a", text)])


for _ in range(3):
    print(parse(["ERROR 500 boom", "INFO 200 ok fine", "garbage"]))
    print(transform("a1, b22; c333 a"))
