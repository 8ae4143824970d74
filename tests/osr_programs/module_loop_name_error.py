# hotwire: expect-exit 1
# A name that disappears while module-level code runs compiled: the lookup deopts, and the
# interpreter raises the NameError with CPython's traceback.
count = total = 0
helper_value = 2
while count < 50000:
    count += 1
    if count == 40000:
        del helper_value
    total += helper_value
print(count)
