# UnboundLocalError when a name is assigned later in the function, conditionally assigned, or deleted.
total = 100


def shadow():
    try:
        total += 1
    except UnboundLocalError as e:
        return f"UnboundLocalError: {e}"


def conditional(flag):
    if flag:
        value = "set"
    try:
        return value
    except UnboundLocalError as e:
        return f"UnboundLocalError: {e}"


def loop_var(n):
    for i in range(n):
        pass
    try:
        return i
    except UnboundLocalError as e:
        return f"UnboundLocalError: {e}"


def except_var_cleared():
    try:
        raise ValueError
    except ValueError as err:
        pass
    try:
        return err
    except UnboundLocalError as e:
        return f"UnboundLocalError: {e}"


for flag in (True, False, 1, 0):
    print(shadow(), conditional(flag), loop_var(int(flag) * 3), except_var_cleared())
