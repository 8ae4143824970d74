# heapq priority queues and bisect-based insertion over tuples and custom keys.
import bisect
import heapq


def k_smallest(xs, k):
    return heapq.nsmallest(k, xs), heapq.nlargest(k, xs, key=lambda v: (v % 5, v))


def schedule(jobs):
    h = []
    for pri, name in jobs:
        heapq.heappush(h, (pri, name))
    out = []
    while h:
        out.append(heapq.heappop(h)[1])
    return out


def sorted_insert(xs):
    out = []
    for x in xs:
        bisect.insort(out, x)
    return out, bisect.bisect_left(out, 5), bisect.bisect_right(out, 5), bisect.bisect(out, 100, key=None)


for n in (5, 10, 20):
    data = [(i * 37) % n for i in range(n)]
    print(k_smallest(data, 3), schedule([(d, f"j{i}") for i, d in enumerate(data)])[:6], sorted_insert(data))
print(list(heapq.merge([1, 4, 7], [2, 5], [3, 6, 9])), bisect.bisect_left([1, 2, 4], 3, key=lambda v: v))
