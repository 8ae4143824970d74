# dataclasses: generated __init__/__repr__/__eq__, ordering, frozen instances, defaults and post-init.
from dataclasses import dataclass, field, asdict, replace, FrozenInstanceError


@dataclass(order=True)
class Item:
    price: float
    name: str = field(compare=False)
    tags: list = field(default_factory=list, repr=False)


@dataclass(frozen=True)
class Key:
    a: int
    b: str = "x"


@dataclass
class Derived:
    base: int
    double: int = field(init=False)

    def __post_init__(self):
        self.double = self.base * 2


def make(n):
    items = [Item(p, f"item{p}") for p in (3.5, 1.0, n)]
    return sorted(items), max(items).name, items[0] == Item(3.5, "other"), asdict(items[1])


for n in (2, 0.5, 10):
    print(make(n), Derived(n), replace(Key(1), b=str(n)))
k = Key(1)
try:
    k.a = 2
except FrozenInstanceError as e:
    print("FrozenInstanceError:", e)
print({Key(1): "v"}[Key(1)], Key(1) == Key(1, "x"), Key(2) != Key(2, "y"))
