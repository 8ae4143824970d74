# Calls of small pure numeric functions run their frameless clone inside the compiled caller
# (call_pure): every way that must fall back to the real call, or resume after it, exactly.
# hotwire: expect-exit 1


def eval_a(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def halve(n):
    return n // 2 - n % 3


def ratio(a, b):
    return a / b


def grow(n):
    # int64 overflow for big n: the clone gives up, the real call returns a big int, and the caller
    # (which expected a small int) resumes in the interpreter after the call.
    return n * n * n * n * n


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def dot(u):
    total = 0.0
    for j, u_j in enumerate(u):
        total += eval_a(3, j) * u_j
    return total


def halves(values):
    return [halve(v) + 1 for v in values]


def ratios(pairs):
    out = []
    for a, b in pairs:
        out.append(ratio(a, b) * 2)
    return out


def grows(values):
    return [grow(v) - 1 for v in values]


def fibs(n):
    return [fib(i) for i in range(n)]


print(dot([1.0, 0.5, 0.25, 2.0]))
print(dot([1, 2, 3]))                       # ints: the multiplication's guard fails, exactly
print(dot([1.5, True, 2]))
print(halves([0, 1, -7, 2 ** 40, 2 ** 70, -(2 ** 62)]))
print(halves([3.5, 7]))                     # a float argument: the real call
print(ratios([(1, 3), (10, 4), (2 ** 60 + 1, 3), (7, 2.0)]))
print(grows([2, 10, 7000, 10 ** 5, -3]))
print(fibs(25))

# Rebinding the global the caller calls: the next call must go to the new function.
saved = eval_a
eval_a = lambda i, j: 2.0
print(dot([1.0, 1.0]))
eval_a = saved
print(dot([1.0, 1.0]))
fib_saved = fib
fib = lambda n: -1
print(fibs(4), fib_saved(6))
fib = fib_saved

# The callee's __code__ replaced: the clone (made from the old code) must not run.
def triple(n):
    return n * 3


halve_code = halve.__code__
halve.__code__ = triple.__code__
print(halves([1, 2, 3]))
halve.__code__ = halve_code
print(halves([1, 2, 3]))

# Zero division inside the callee: the real call raises, with the callee's traceback entry.
try:
    ratios([(1, 2), (3, 0)])
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e, e.__traceback__.tb_next.tb_frame.f_code.co_name)
ratios([(5, 0)])
