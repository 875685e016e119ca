# Log records carry the caller's file, line, function and module (logging's own frames
# skipped); stacklevel; findCaller; stack_info.
import logging
import sys
import threading

fmt = "%(levelname)s %(filename)s:%(lineno)d %(funcName)s %(module)s %(message)s"
logging.basicConfig(format=fmt, stream=sys.stdout)
log = logging.getLogger("x")


def work():
    log.warning("from work")
    logging.error("module level")


work()
log.warning("top")


def helper(msg):
    log.warning(msg, stacklevel=2)


def outer():
    helper("via helper")


outer()
log.warning("stacklevel beyond the stack", stacklevel=50)
fn, lno, func, sinfo = log.findCaller()
print(fn.endswith("mod_logging_caller.py"), lno, func, sinfo)


class A:
    def __init__(self):
        log.error("in init")

    def m(self):
        log.critical("in m")


A().m()
ad = logging.LoggerAdapter(log, {})
ad.info("adapter filtered")
ad.warning("adapter")
t = threading.Thread(target=work, name="T")
t.start()
t.join()
log.exception("no exception", exc_info=False)
try:
    1 / 0
except ZeroDivisionError:
    log.exception("boom")
h = logging.StreamHandler(sys.stdout)
h.setFormatter(logging.Formatter("[%(funcName)s:%(lineno)d] %(message)s"))
other = logging.getLogger("other")
other.propagate = False
other.addHandler(h)


def stacked():
    other.warning("with stack", stack_info=True)


stacked()
logging._srcfile = None
log.warning("no caller lookup")
