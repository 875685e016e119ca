# Frame requests, warnings and logging's caller lookup from many threads at once: every
# answer names the asking thread's own frames, and the warnings registries stay consistent.
import logging
import sys
import threading
import warnings

THREADS = 8
ROUNDS = 2000
errors = []
records = []


class Collect(logging.Handler):
    def emit(self, record):
        records.append((record.funcName, record.lineno, record.threadName))


log = logging.getLogger("stress")
log.propagate = False
log.addHandler(Collect())
log.setLevel(logging.INFO)
shown = []
warnings.showwarning = lambda m, c, f, l, file=None, line=None: shown.append((str(m), l))
warnings.simplefilter("default")


def worker_body(n):
    for i in range(ROUNDS):
        me = sys._getframe()
        if me.f_code.co_name != "worker_body" or me.f_back.f_code.co_name != "worker":
            errors.append("frame")
        if me.f_locals["n"] != n:
            errors.append("locals")
        if i % 10 == 0:
            log.info("r %d", i)
        warnings.warn("w%d" % (i % 3))


def worker(n):
    worker_body(n)


threads = [threading.Thread(target=worker, args=(n,), name="W%d" % n) for n in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
assert not errors, errors[:5]
assert len(records) == THREADS * ROUNDS // 10, len(records)
line = worker_body.__code__.co_firstlineno + 8
assert all(r[0] == "worker_body" and r[1] == line for r in records), records[:3]
assert len({r[2] for r in records}) == THREADS
# "default": once per (text, category, line) in the module registry; a race may show a
# warning twice before the registry entry lands, never lose one.
assert {m for m, _ in shown} == {"w0", "w1", "w2"}, shown[:5]
assert all(l == line + 1 for _, l in shown)
print("ok")
