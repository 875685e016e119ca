# logging.handlers: RotatingFileHandler, QueueHandler + QueueListener across threads,
# MemoryHandler.
import logging
import logging.handlers
import os
import queue
import sys
import threading

path = "mod_logging_handlers.tmp.log"
for suffix in ("", ".1", ".2", ".3"):
    if os.path.exists(path + suffix):
        os.remove(path + suffix)
h = logging.handlers.RotatingFileHandler(path, maxBytes=60, backupCount=2)
h.setFormatter(logging.Formatter("%(message)s"))
log = logging.getLogger("rot")
log.propagate = False
log.addHandler(h)
for i in range(12):
    log.warning("record number %02d", i)
h.close()
for suffix in ("", ".1", ".2", ".3"):
    name = path + suffix
    if os.path.exists(name):
        with open(name) as f:
            print(suffix or "(current)", f.read().split())
        os.remove(name)
    else:
        print(suffix, "absent")
print(logging.handlers.RotatingFileHandler.__mro__[1].__name__)

q = queue.Queue()
out = logging.StreamHandler(sys.stdout)
out.setFormatter(logging.Formatter("%(threadName)s %(levelname)s %(message)s"))
listener = logging.handlers.QueueListener(q, out)
listener.start()
qlog = logging.getLogger("q")
qlog.propagate = False
qlog.addHandler(logging.handlers.QueueHandler(q))


def work(n):
    qlog.warning("hello %d", n)


for n in range(3):
    t = threading.Thread(target=work, args=(n,), name="W%d" % n)
    t.start()
    t.join()
qlog.error("args %s %s", "a", "b")
listener.stop()
rec = logging.makeLogRecord({"msg": "m %s", "args": ("x",)})
prepared = logging.handlers.QueueHandler(q).prepare(rec)
print(prepared.msg, prepared.args, rec.msg, rec.args)

target = logging.StreamHandler(sys.stdout)
target.setFormatter(logging.Formatter("memory: %(message)s"))
mem = logging.handlers.MemoryHandler(3, flushLevel=logging.ERROR, target=target)
mlog = logging.getLogger("mem")
mlog.propagate = False
mlog.addHandler(mem)
mlog.warning("one")
mlog.warning("two")
print("buffered", len(mem.buffer))
mlog.warning("three")
mlog.warning("four")
mlog.error("flush now")
mlog.warning("left")
mem.close()
