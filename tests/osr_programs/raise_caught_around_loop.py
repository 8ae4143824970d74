# The loop is inside a try: an error raised in compiled code entered by OSR could not reach the
# handler (3.12 loses the jump's destination on that path), so the loop is not entered that way; the
# call stays in the interpreter, and the handler and finally run as under CPython.
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
