# The loop is inside a try: the handler of the failing instruction is the header's, so the call
# moves into compiled code and the interpreter's handler runs when it raises.
def scan(items):
    seen = 0
    try:
        for x in items:
            seen += 1
            if x < 0:
                raise ValueError(f"negative at {seen}")
    except ValueError as e:
        print("caught:", e)
    finally:
        print("finally, seen", seen)
    return seen

print(scan(list(range(30000)) + [-1, 5]))
