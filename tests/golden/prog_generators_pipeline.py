def read_lines():
    data = '''2024-01-01 INFO start
2024-01-01 WARN disk 81%
2024-01-02 ERROR disk full
2024-01-02 INFO retry
2024-01-03 ERROR timeout
2024-01-03 INFO done'''
    for line in data.splitlines():
        yield line
def parse(lines):
    for line in lines:
        date, level, msg = line.split(' ', 2)
        yield {'date': date, 'level': level, 'msg': msg}
def only(level, records):
    return (r for r in records if r['level'] == level)
def numbered(it, start=1):
    n = start
    for x in it:
        yield n, x
        n += 1
for n, r in numbered(only('ERROR', parse(read_lines()))):
    print(n, r['date'], r['msg'])
levels = {}
for r in parse(read_lines()):
    levels[r['level']] = levels.get(r['level'], 0) + 1
print(levels)
def take(n, it):
    for i, x in enumerate(it):
        if i >= n:
            return
        yield x
def naturals():
    n = 0
    while True:
        yield n
        n += 1
squares = (x * x for x in naturals())
evens = (x for x in squares if x % 2 == 0)
print(list(take(8, evens)))
def chunked(it, size):
    chunk = []
    for x in it:
        chunk.append(x)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
print(list(chunked(range(10), 4)))
def running_avg():
    total = count = 0
    avg = None
    while True:
        x = yield avg
        total += x
        count += 1
        avg = total / count
ra = running_avg()
next(ra)
print([ra.send(v) for v in [10, 20, 30, 40]])
