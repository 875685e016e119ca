# print from 4 threads to /dev/null: 4 x 200000 lines.
import sys, threading
out = open('/dev/null', 'w')
def worker(k):
    for i in range(200000):
        print('worker', k, 'line', i, file=out)
ts = [threading.Thread(target=worker, args=(k,)) for k in range(4)]
for t in ts: t.start()
for t in ts: t.join()
out.close()
print('checksum', 4 * 200000)
