# logging: the default root logger (WARNING to stderr), the hierarchy, levels, propagation,
# handlers, formatters with widths and lazy args, exceptions, basicConfig errors.
import logging
import sys
import threading

logging.warning("%s is running.", threading.current_thread().name)
logging.info("not shown")
logging.error("error")
logging.critical("critical")
logging.log(logging.ERROR, "log %s %s", 'a', 'b')
log = logging.getLogger("a.b")
print(log, log.parent, logging.getLogger("a"), log.parent, logging.root, logging.getLogger())
print(logging.getLogger("a.b") is log, logging.getLogger("a").parent is logging.root)
log.error("err %d", 5)
h = logging.StreamHandler(sys.stdout)
h.setFormatter(logging.Formatter(
    "%(levelname)-8s|%(name)s|%(message)s|%(levelno)s|%(threadName)s|%(processName)s"))
log.addHandler(h)
log.setLevel(logging.DEBUG)
log.debug("dbg %(x)s", {'x': 1})
print(log.getEffectiveLevel(), log.isEnabledFor(logging.DEBUG),
      logging.getLogger('a').getEffectiveLevel(), logging.getLogger('a').isEnabledFor(20))
print(h, logging.getLevelName(10), logging.getLevelName('INFO'), logging.getLevelName(12))
try:
    1 / 0
except ZeroDivisionError:
    log.exception("boom")
try:
    {}['k']
except KeyError:
    log.error("with exc_info", exc_info=True)
log.propagate = False
log.info("only me")
log.removeHandler(h)
log.critical("lastresort %s", 'used')
try:
    log.setLevel('FOO')
except ValueError as e:
    print('ValueError:', e)
try:
    log.setLevel(None)
except TypeError as e:
    print('TypeError:', e)
print(logging.NullHandler(), logging.Formatter().format(logging.makeLogRecord({'msg': 'hi'})))
child = logging.getLogger('p.c')
parent = logging.getLogger('p')
print(child.parent is parent)
ph = logging.StreamHandler(sys.stdout)
ph.setFormatter(logging.Formatter('{levelname}:{name}:{message}', style='{'))
parent.addHandler(ph)
parent.setLevel('INFO')
child.info('from child %s', 'via parent')
child.debug('filtered')
ph.setLevel(logging.ERROR)
child.warning('below handler level')
child.error('at handler level')
ph.setFormatter(logging.Formatter('$levelname ${name} $message', style='$'))
child.error('template')
lst = []


class ListHandler(logging.Handler):
    def emit(self, record):
        lst.append(self.format(record))


lh = ListHandler()
child.addHandler(lh)
child.propagate = False
child.warning('%d%%', 50)
print(lst)
logging.disable(logging.CRITICAL)
child.critical('disabled')
logging.disable(logging.NOTSET)
child.critical('enabled')
print(lst, child.hasHandlers())
for bad in ({'stream': sys.stdout, 'filename': 'x', 'force': True},
            {'handlers': [], 'stream': sys.stdout, 'force': True},
            {'style': '#', 'force': True},
            {'bogus': 1, 'force': True}):
    try:
        logging.basicConfig(**bad)
    except ValueError as e:
        print('ValueError:', e)
try:
    logging.Formatter('x', style='#')
except ValueError as e:
    print('ValueError:', e)
logging.basicConfig(stream=sys.stdout, format='%(name)s|%(levelname)s|%(message)s',
                    level=logging.DEBUG, force=True)
logging.debug('after force')
logging.getLogger('q').info('%s and %s', 1, 2)
print(logging.root.handlers, logging.root.level)
adapter = logging.LoggerAdapter(logging.getLogger('ad'), {'k': 1})
adapter.info('adapted')
print(adapter)
