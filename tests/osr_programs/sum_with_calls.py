# A loop in a function called once: the call moves into compiled code at a later iteration.
def add(a, b):
    return a + b

def main(n):
    s = 0
    for i in range(n):
        s = add(s, i)
    print(s, i)
    return s

print(main(50000))
