from collections import deque, defaultdict, Counter, OrderedDict, namedtuple
d = deque([1, 2, 3])
d.append(4); d.appendleft(0)
print(d, len(d), d[0], d[-1], 3 in d, 9 in d)
print(d.pop(), d.popleft(), d)
d.extend([7, 8]); d.extendleft([-1, -2])
print(d)
d.rotate(2); print(d)
d.rotate(-3); print(d)
m = deque(range(10), maxlen=3)
print(m, m.maxlen, list(m))
m.append(99); print(m)
e = deque()
print(bool(e), bool(d))
try:
    e.pop()
except IndexError as ex:
    print("IndexError:", ex)
try:
    for x in d:
        d.append(1)
except RuntimeError as ex:
    print("RuntimeError:", ex)
print(d.count(1), d.index(7))
d.remove(7); print(d)
d[0] = 'z'; print(d, list(reversed(d)))
dd = defaultdict(list)
dd['a'].append(1); dd['b'].append(2); dd['a'].append(3)
print(dd, dd['a'], len(dd))
di = defaultdict(int)
for w in "the cat the dog the".split():
    di[w] += 1
print(sorted(di.items()), isinstance(di, dict))
c = Counter("abracadabra")
print(c, c.most_common(2), c['z'])
c.update("aaz"); print(c['a'], c['z'])
c2 = Counter(a=1, b=10)
print(c + c2, c - c2, sorted(c.elements())[:6])
c.subtract("aaaa"); print(c['a'])
od = OrderedDict()
od['x'] = 1; od['y'] = 2; od['z'] = 3
od.move_to_end('x'); print(od)
od.move_to_end('z', last=False); print(list(od.keys()))
print(od.popitem(), od.popitem(last=False), od)
Point = namedtuple('Point', ['x', 'y'])
p = Point(1, y=2)
print(p, p.x, p.y, p[0], len(p), p._fields, p._asdict())
print(p._replace(x=10), Point._make([5, 6]), isinstance(p, tuple))
a, b = p
print(a + b, p == (1, 2), hash(p) == hash((1, 2)))
P3 = namedtuple('P3', 'a b c', defaults=[0, 9])
print(P3(1), P3(1, 2, 3))
R = namedtuple('R', ['ok', 'def', 'ok'], rename=True)
print(R._fields)
try:
    Point(1)
except TypeError as ex:
    print("TypeError:", ex)
from collections import defaultdict, Counter
class DD(defaultdict):
    pass
d = DD(list)
d[1].append(2)
print(d, d.get(5), 5 in d, d[1])
c = Counter()
c["x"] += 3
print(c, c["nope"], "nope" in c)
d2 = defaultdict(None)
try:
    d2["k"]
except KeyError as e:
    print("KeyError", e)
class C2(Counter):
    def __missing__(self, k):
        return -1
print(C2()["a"])
