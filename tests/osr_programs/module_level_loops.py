# Loops in module-level code and in a class body: their names live in dicts (LOAD_NAME/STORE_NAME),
# and the import before the first loop is not compiled, so the loop is reached only by OSR.
import math

total = 0
for i in range(20000):
    total += i % 7
    last = math.floor(i / 3)
print(total, last, i)


class Table:
    rows = []
    for k in range(3000):
        rows.append(k * k)
    size = len(rows)


print(Table.size, Table.rows[-1], sorted(n for n in vars(Table) if not n.startswith("__")))
print(sorted(n for n in dir() if not n.startswith("__")))
