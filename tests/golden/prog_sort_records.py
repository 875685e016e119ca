records = [
    {'name': 'Alice', 'dept': 'eng', 'salary': 120, 'age': 34},
    {'name': 'Bob', 'dept': 'ops', 'salary': 90, 'age': 45},
    {'name': 'Carol', 'dept': 'eng', 'salary': 135, 'age': 29},
    {'name': 'Dan', 'dept': 'sales', 'salary': 90, 'age': 38},
    {'name': 'Eve', 'dept': 'ops', 'salary': 105, 'age': 31},
    {'name': 'Frank', 'dept': 'eng', 'salary': 120, 'age': 50},
]
for r in sorted(records, key=lambda r: (-r['salary'], r['name'])):
    print(f"{r['name']:<6} {r['dept']:<6} {r['salary']:>4}")
by_dept = {}
for r in records:
    by_dept.setdefault(r['dept'], []).append(r)
for dept in sorted(by_dept):
    people = by_dept[dept]
    avg = sum(p['salary'] for p in people) / len(people)
    oldest = max(people, key=lambda p: p['age'])
    print(f'{dept}: n={len(people)} avg={avg:.2f} oldest={oldest["name"]}')
def insertion_sort(xs, key=lambda x: x):
    xs = list(xs)
    for i in range(1, len(xs)):
        cur = xs[i]
        j = i - 1
        while j >= 0 and key(xs[j]) > key(cur):
            xs[j + 1] = xs[j]
            j -= 1
        xs[j + 1] = cur
    return xs
print([r['name'] for r in insertion_sort(records, key=lambda r: r['age'])])
def merge_sort(xs):
    if len(xs) <= 1:
        return xs
    mid = len(xs) // 2
    left, right = merge_sort(xs[:mid]), merge_sort(xs[mid:])
    out = []
    i = j = 0
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:
            out.append(left[i]); i += 1
        else:
            out.append(right[j]); j += 1
    return out + left[i:] + right[j:]
data = [(i * 7919) % 101 for i in range(30)]
print(merge_sort(data) == sorted(data), merge_sort(data)[:10])
