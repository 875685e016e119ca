import heapq
import random
random.seed(5)
data = [random.randrange(100) for _ in range(15)]
h = []
for x in data:
    heapq.heappush(h, x)
    print(h)
print([heapq.heappop(h) for _ in range(5)], h)
l = data[:]
heapq.heapify(l); print(l)
print(heapq.heapreplace(l, 50), l)
print(heapq.heappushpop(l, 1), heapq.heappushpop(l, 77), l)
print(heapq.nlargest(3, data), heapq.nsmallest(4, data), heapq.nlargest(2, data, key=lambda x: -x))
print(heapq.nsmallest(3, ["bb", "a", "ccc", "dddd"], key=len), heapq.nlargest(1, []), heapq.nsmallest(10, [3, 1]))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [0, 9])), list(heapq.merge([7, 4], [5, 1], reverse=True)))
print(list(heapq.merge(["a", "ccc"], ["bb"], key=len)))
tasks = []
heapq.heappush(tasks, (2, "write"))
heapq.heappush(tasks, (1, "read"))
heapq.heappush(tasks, (3, "exec"))
while tasks:
    print(heapq.heappop(tasks))
try:
    heapq.heappop([])
except IndexError as e:
    print("IndexError:", e)
