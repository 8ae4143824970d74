# A seeded random.Random instance is deterministic; shuffles, samples and choices feed compiled code.
import random


def simulate(seed, n):
    rng = random.Random(seed)
    walk = 0
    path = []
    for _ in range(n):
        walk += rng.choice((-1, 1))
        path.append(walk)
    deck = list(range(10))
    rng.shuffle(deck)
    return path[-5:], max(path), deck, rng.sample(range(100), 4), rng.randint(1, 6), round(rng.random(), 12), rng.getrandbits(70)


for seed in (1, 42, "text-seed"):
    print(simulate(seed, 50))
