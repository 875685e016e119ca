# CPython 3.11's DeprecationWarnings for threading's camelCase aliases, shown when called
# from __main__ (once per location), and the 'warn' deprecations of logging.
import logging
import threading


def work():
    pass


t = threading.Thread(target=work, name="T")
t.setDaemon(True)
t.start()
t.join()
print(t.getName(), t.isDaemon())
t.setName("U")
print(t.name, threading.currentThread().name, threading.activeCount())
e = threading.Event()
print(e.isSet())
c = threading.Condition()
with c:
    c.notifyAll()
for i in range(3):
    threading.current_thread().getName()


def indirect():
    return threading.currentThread()


indirect()
indirect()
logging.warn("deprecated function")
logging.getLogger("x").warn("deprecated method")
logging.LoggerAdapter(logging.getLogger("y"), {}).warn("adapter")
try:
    t.setDaemon(False)
except RuntimeError as e:
    print("RuntimeError:", e)
