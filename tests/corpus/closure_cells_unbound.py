# Cell variables referenced before assignment: NameError for free variables, UnboundLocalError for cells.


def free_before_assign():
    def inner():
        return v
    try:
        return inner()
    except NameError as e:
        r = f"{type(e).__name__}: {e}"
    v = "now bound"
    return r, inner()


def cell_before_assign():
    try:
        print(w)
    except UnboundLocalError as e:
        r = f"{type(e).__name__}: {e}"
    w = 1

    def use():
        return w
    return r, use()


def param_cell(p):
    def g():
        return p * 2
    p = p * 3
    return g()


for _ in range(3):
    print(free_before_assign(), cell_before_assign(), param_cell(1), param_cell("a"), param_cell([0]))
