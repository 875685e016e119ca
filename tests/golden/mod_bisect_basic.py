import bisect
a = [1, 2, 4, 4, 8]
print(bisect.bisect(a, 4), bisect.bisect_left(a, 4), bisect.bisect_right(a, 0), bisect.bisect_left(a, 9))
for x in [5, 0, 4, 10]:
    bisect.insort(a, x)
print(a)
bisect.insort_left(a, 4)
print(a, bisect.bisect(a, 4, 2, 5))
recs = [("a", 1), ("b", 3), ("c", 7)]
print(bisect.bisect_left(recs, 3, key=lambda r: r[1]))
bisect.insort(recs, ("x", 5), key=lambda r: r[1])
print(recs)
try:
    bisect.bisect([], 1, -1)
except ValueError as e:
    print("ValueError:", e)
grades = "FDCBA"
print([grades[bisect.bisect([60, 70, 80, 90], s)] for s in [33, 99, 77, 70, 89, 90, 100]])
