from collections import deque
d = deque()
for i in range(5):
    d.append(i)
    d.appendleft(-i)
print(d, len(d))
while d:
    d.pop()
    if d:
        d.popleft()
print(d, bool(d))
q = deque("abc", 2)
print(q, q.maxlen)
q.extendleft("xyz")
print(q)
print(deque([1, 2]) == deque([1, 2]), deque([1]) == deque([2]))
r = deque(range(6))
r.reverse(); print(r)
r.insert(2, 'i'); print(r)
r.remove(5); print(r)
c = r.copy(); c.clear(); print(r, c)
print(list(deque(range(3))), [x * 2 for x in deque([1, 2, 3])])
try:
    deque([1]).index(5)
except ValueError as e:
    print("ValueError:", e)
try:
    deque([1])[3]
except IndexError as e:
    print("IndexError:", e)
try:
    deque(maxlen=-1)
except ValueError as e:
    print("ValueError:", e)
z = deque(maxlen=0)
z.append(1)
print(z)
