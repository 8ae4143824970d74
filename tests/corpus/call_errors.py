# TypeError messages for wrong argument counts and names, for functions, methods, lambdas and builtins.


def two(a, b):
    return a + b


class K:
    def m(self, x):
        return x

    @staticmethod
    def s():
        return 0


def attempt(fn, *a, **k):
    try:
        return fn(*a, **k)
    except TypeError as e:
        return f"TypeError: {e}"


for _ in range(3):
    print(attempt(two), attempt(two, 1), attempt(two, 1, 2, 3), attempt(two, 1, c=2), attempt(two, 1, a=1))
    print(attempt(K().m), attempt(K().m, 1, 2), attempt(K.m, 1), attempt(K.s, 1), attempt(lambda: 0, 1))
    print(attempt(len), attempt(len, 1, 2), attempt(len, obj=[1]), attempt(int, "5", bas=10), attempt(sorted, [], 1))
    print(attempt([].append), attempt({}.get), attempt("".join, 1), attempt(max), attempt(divmod, 1))
    print(attempt(None), attempt(two, *None) if False else attempt(lambda *, k: k, 5))
