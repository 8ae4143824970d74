# while loops with break, continue and else; loops whose condition changes type.


def collatz(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


def search(xs, target):
    i = 0
    while i < len(xs):
        if xs[i] == target:
            break
        i += 1
    else:
        return "not found"
    return f"found at {i}"


def skip_odds(n):
    out = []
    i = 0
    while i < n:
        i += 1
        if i % 2:
            continue
        out.append(i)
    else:
        out.append("else ran")
    return out


def countdown(x):
    out = []
    while x:
        out.append(x)
        x = x - 1 if isinstance(x, int) else x[1:]
    return out


for _ in range(3):
    print([collatz(n) for n in (1, 6, 27, 97, 2 ** 40 + 1)])
    print(search([3, 1, 4], 4), search([3, 1, 4], 5), search("abc", "c"), search([], 0))
    print(skip_odds(9), skip_odds(0))
    print(countdown(4), countdown("abc"), countdown([1, 2]) if False else countdown(0))
