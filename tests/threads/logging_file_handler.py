# 8 threads log 10000 records each to one FileHandler: every line is whole and present once.
import logging
import os
import threading

N_THREADS = 8
PER = 10000
path = 'pyt_stress_logging_%d.log' % os.getpid()
path = os.path.join(os.environ.get('TMPDIR', '/tmp'), path)
log = logging.getLogger('stress')
log.propagate = False
log.setLevel(logging.INFO)
h = logging.FileHandler(path, mode='w')
h.setFormatter(logging.Formatter('%(threadName)s|%(levelname)s|%(message)s'))
log.addHandler(h)


def work(t):
    for i in range(PER):
        log.info('record %d %d end', t, i)


ts = [threading.Thread(target=work, args=(t,), name='w%d' % t) for t in range(N_THREADS)]
for t in ts:
    t.start()
for t in ts:
    t.join()
h.close()
with open(path) as f:
    lines = f.read().split('\n')
os.remove(path)
assert lines[-1] == '', lines[-1]
lines = lines[:-1]
assert len(lines) == N_THREADS * PER, len(lines)
seen = set()
for line in lines:
    name, level, msg = line.split('|')
    parts = msg.split(' ')
    assert len(parts) == 4 and parts[0] == 'record' and parts[3] == 'end', line
    assert name == 'w' + parts[1] and level == 'INFO', line
    seen.add((int(parts[1]), int(parts[2])))
assert len(seen) == N_THREADS * PER
print("ok")
