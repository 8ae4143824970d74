# __len__ results used by len(), truth testing, and errors for bad return values.


class Sized:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n


def measure(x):
    try:
        return len(x), bool(x), "nonempty" if x else "empty"
    except (TypeError, ValueError, OverflowError) as e:
        return f"{type(e).__name__}: {e}"


for _ in range(3):
    for v in [Sized(0), Sized(5), Sized(True), Sized(-1), Sized(2 ** 63), Sized(1.5), Sized("3"), [], "abc", {1: 2},
              range(10 ** 18), 5, None]:
        print(measure(v))
    try:
        len(range(2 ** 64))
    except OverflowError as e:
        print("OverflowError:", e)
