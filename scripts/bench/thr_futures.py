# concurrent.futures.ThreadPoolExecutor(4): map over 20000 small tasks, 3 times, then 20000
# submit() calls whose futures are waited with as_completed and result().
from concurrent.futures import ThreadPoolExecutor, as_completed
def task(x):
    return x * x % 7
total = 0
with ThreadPoolExecutor(4) as ex:
    for _ in range(3):
        total += sum(ex.map(task, range(20000)))
    fs = [ex.submit(task, i) for i in range(20000)]
    total += sum(f.result() for f in as_completed(fs))
    total += sum(f.result() for f in fs)
print('checksum', total)
