# for/else: else runs only without break; nested loops with flags; loop variable after the loop.


def is_prime(n):
    if n < 2:
        return False
    for d in range(2, int(n ** 0.5) + 1):
        if n % d == 0:
            break
    else:
        return True
    return False


def first_pair(xs, total):
    for i, a in enumerate(xs):
        for b in xs[i + 1:]:
            if a + b == total:
                break
        else:
            continue
        return (a, b)
    return None


def last_var(xs):
    v = "unset"
    for v in xs:
        pass
    return v


for _ in range(3):
    print([n for n in range(40) if is_prime(n)], is_prime(2 ** 31 - 1))
    print(first_pair([1, 4, 6, 9], 10), first_pair([1, 2], 10), first_pair([], 0))
    print(last_var([1, 2, 3]), last_var([]), last_var("xyz"), last_var(range(5, 0, -2)))
