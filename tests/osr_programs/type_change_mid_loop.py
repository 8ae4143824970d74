# The values change type after the call has moved into compiled code: a guard fails, the interpreter
# resumes at that instruction, and the results stay exact. The comprehension before the loop has an
# exception handler of its own (3.12 inlines it), which the loop does not reach.
def mix(n):
    total = 0
    values = [i for i in range(n)] + [0.5, 1.5, "s"] + list(range(n))
    out = []
    for v in values:
        if isinstance(v, str):
            out.append(v * 2)
            continue
        total = total + v * 3
    print(total, out)
    return total


mix(20000)
