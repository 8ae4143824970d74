# collections: deque rotation, Counter arithmetic and most_common, defaultdict, OrderedDict moves, namedtuple.
from collections import Counter, OrderedDict, defaultdict, deque, namedtuple, ChainMap

Pt = namedtuple("Pt", "x y", defaults=[0])


def deques(n):
    d = deque(range(n), maxlen=5)
    d.rotate(2)
    d.appendleft(-1)
    d.extend([100, 101])
    return list(d), d.popleft(), d.pop(), d.maxlen


def counters(text):
    c = Counter(text)
    c2 = Counter(text[::2])
    return c.most_common(3), sorted((c - c2).items()), sorted((c & c2).items()), c.total(), c["zz"]


def grouping(words):
    g = defaultdict(list)
    for w in words:
        g[len(w)].append(w)
    return dict(g), g.default_factory.__name__


for n in (3, 7, 10):
    print(deques(n), counters("mississippi"[:n]), grouping("a bb cc ddd e".split()[: n % 6]))
od = OrderedDict.fromkeys("abcd")
od.move_to_end("b")
od.move_to_end("d", last=False)
print(list(od), od.popitem(last=False))
p = Pt(1)
print(p, p._replace(y=5), p._asdict(), Pt._fields, p.x + p[1], Pt(*range(2)) == (0, 1))
cm = ChainMap({"a": 1}, {"a": 2, "b": 3})
print(cm["a"], cm["b"], len(cm), sorted(cm))
