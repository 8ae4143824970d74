# Default values are evaluated once at definition time; late-bound alternatives; None sentinel idiom.
counter = [0]


def next_id():
    counter[0] += 1
    return counter[0]


def f(x, stamp=next_id(), bucket=[]):
    bucket.append(x)
    return stamp, list(bucket)


def g(x, bucket=None):
    if bucket is None:
        bucket = []
    bucket.append(x)
    return bucket


def make(n):
    def h(v=n * 10):
        return v
    return h


for i in range(4):
    print(f(i), g(i), make(i)(), make(i)(i), counter[0])
