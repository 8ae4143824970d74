# The inner loop becomes hot while the outer iterator (and a list being built) sit on the stack.
def main():
    rows = []
    for j in range(30):
        total = 0.0
        k = 0
        while k < 2000:
            total += k * 0.5 + j
            k += 1
        rows.append(total)
    print(rows[0], rows[-1], len(rows))
    print(sorted(locals()))

main()
