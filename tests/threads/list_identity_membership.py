# Threads append their own object to one list, test membership, count and index, and remove
# it: with other threads removing theirs meanwhile, an item must never be missed (a scan that
# released the list's lock between items used to skip shifted items).
import threading
lst = []
errors = []
def worker():
    me = threading.current_thread()
    for i in range(10000):
        lst.append(me)
        if me not in lst:
            errors.append('in')
        if lst.count(me) != 1:
            errors.append('count')
        lst.index(me)
        lst.remove(me)
ts = [threading.Thread(target=worker) for _ in range(5)]
for t in ts: t.start()
for t in ts: t.join()
assert not errors and not lst, (errors[:3], len(errors), len(lst))
print("ok")
