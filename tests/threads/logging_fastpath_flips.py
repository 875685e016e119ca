# 4 threads log through the native fast path while another flips what it depends on (the
# Formatter's class attributes, the handler's instance attributes, the record factory, the
# thread names): every line is whole, present once, and formatted by one consistent rule.
import logging
import os
import threading
import time

N_THREADS = 4
PER = 3000
path = 'pyt_stress_logging_flips_%d.log' % os.getpid()
path = os.path.join(os.environ.get('TMPDIR', '/tmp'), path)
log = logging.getLogger('flips')
log.propagate = False
log.setLevel(logging.INFO)
h = logging.FileHandler(path, mode='w')
h.setFormatter(logging.Formatter('%(asctime)s|%(threadName)s|%(message)s'))
log.addHandler(h)
done = threading.Event()
plain_factory = logging.getLogRecordFactory()


def factory(*args, **kwargs):
    return plain_factory(*args, **kwargs)


def flipper():
    n = 0
    while not done.is_set():
        n += 1
        logging.Formatter.default_msec_format = '%s.%03d' if n % 2 else '%s,%03d'
        logging.Formatter.converter = time.gmtime if n % 3 else time.localtime
        h.terminator = '\n'
        del h.terminator
        logging.setLogRecordFactory(factory if n % 2 else plain_factory)
        h.addFilter(lambda record: True)
        h.filters.clear()
        time.sleep(0.0005)
    logging.Formatter.default_msec_format = '%s,%03d'
    logging.setLogRecordFactory(plain_factory)


def work(t):
    me = threading.current_thread()
    for i in range(PER):
        if i % 500 == 0:
            me.name = 'w%d-%d' % (t, i // 500)
        log.info('record %d %d end', t, i)


f = threading.Thread(target=flipper)
f.start()
ts = [threading.Thread(target=work, args=(t,)) for t in range(N_THREADS)]
for t in ts:
    t.start()
for t in ts:
    t.join()
done.set()
f.join()
h.close()
with open(path) as fh:
    lines = fh.read().split('\n')
os.remove(path)
assert lines[-1] == '', lines[-1]
lines = lines[:-1]
assert len(lines) == N_THREADS * PER, len(lines)
seen = set()
for line in lines:
    stamp, name, msg = line.split('|')
    date, clock = stamp.split(' ')
    assert len(date) == 10 and len(clock) == 12 and clock[8] in '.,', line
    parts = msg.split(' ')
    assert len(parts) == 4 and parts[0] == 'record' and parts[3] == 'end', line
    t, i = int(parts[1]), int(parts[2])
    assert name == 'w%d-%d' % (t, i // 500), line
    seen.add((t, i))
assert len(seen) == N_THREADS * PER
print('ok')
