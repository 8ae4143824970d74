# Assignment expressions in conditions, loops and comprehensions; nested conditional expressions.
import re


def parse(lines):
    out = []
    for line in lines:
        if (m := re.match(r"(\w+)=(\d+)", line)) is not None:
            out.append((m.group(1), int(m.group(2))))
        elif (n := len(line)) > 5:
            out.append(("long", n))
        else:
            out.append(("short", n))
    return out


def chunks(data, size):
    out = []
    it = iter(data)
    while chunk := [x for _, x in zip(range(size), it)]:
        out.append(chunk)
    return out


def grade(score):
    return "A" if score >= 90 else "B" if score >= 80 else "C" if score >= 70 else "F"


for size in (2, 3, 4):
    print(parse(["a=1", "hello world", "bb=22", "hi"]), chunks(range(7), size))
    print([grade(s) for s in (95, 85, 75, 10, 90.0, True)], [y for x in range(6) if (y := x * x) % 2])
    print((total := sum(range(size))), total * 2)
