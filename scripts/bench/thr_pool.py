# multiprocessing.dummy Pool(4).map over 100000 small tasks, 6 times.
from multiprocessing.dummy import Pool
def task(x):
    return x * x % 7
total = 0
with Pool(4) as p:
    for _ in range(6):
        r = p.map(task, range(100000))
        total += sum(r) + len(r)
print('checksum', total)
