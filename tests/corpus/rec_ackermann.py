# Ackermann for small arguments and other deeply branching recursion.
import sys


def ack(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))


def partitions(n, k):
    if n == 0:
        return 1
    if n < 0 or k == 0:
        return 0
    return partitions(n - k, k) + partitions(n, k - 1)


def hanoi(n, src, dst, via, moves):
    if n:
        hanoi(n - 1, src, via, dst, moves)
        moves.append(src + dst)
        hanoi(n - 1, via, dst, src, moves)
    return moves


old = sys.getrecursionlimit()
sys.setrecursionlimit(max(old, 3000))
try:
    for m in range(3):
        print([ack(m, n) for n in range(5)])
    print(ack(2, 3), ack(3, 3), [partitions(n, n) for n in range(15)])
    for n in (1, 3, 5):
        mv = hanoi(n, "A", "C", "B", [])
        print(n, len(mv), " ".join(mv[:8]))
finally:
    sys.setrecursionlimit(old)
