# logging from 4 threads to one file: 4 x 25000 records (the 100000 of issue 5) with the notes' format.
import logging, os, threading
path = '/tmp/pyt_bench_logging_%d.log' % os.getpid()
handler = logging.FileHandler(path, mode='w')
handler.setFormatter(logging.Formatter('%(asctime)s %(threadName)s %(levelname)s %(message)s'))
log = logging.getLogger('bench')
log.setLevel(logging.INFO)
log.addHandler(handler)
log.propagate = False
def worker(k):
    for i in range(25000):
        log.info('worker %d record %d', k, i)
ts = [threading.Thread(target=worker, args=(k,), name='w%d' % k) for k in range(4)]
for t in ts: t.start()
for t in ts: t.join()
handler.close()
with open(path) as f:
    lines = f.read().splitlines()
os.remove(path)
whole = sum(1 for l in lines if l.split(' ', 4)[-1].startswith('worker '))
print('checksum', len(lines), whole)
