# logging's native handling of records (an untouched Logger handing them to untouched
# FileHandlers) must give way to everything that changes it: filters, subclasses, class and
# instance overrides, delayed or closed streams, propagation, disabled loggers, handler lists
# changed while handling, no handlers at all. Files are read back; times are not printed.
import logging
import os
import sys

base = 'mod_logging_fasthandler.tmp'
paths = []


def new_handler(name, cls=logging.FileHandler, fmt='%(levelname)s %(name)s %(message)s',
                **kw):
    path = '%s.%s.log' % (base, name)
    paths.append(path)
    h = cls(path, mode='w', **kw)
    h.setFormatter(logging.Formatter(fmt))
    return h


def dump(h):
    h.flush()
    with open(h.baseFilename) as f:
        text = f.read()
    print(os.path.basename(h.baseFilename)[len(base) + 1:], repr(text))


log = logging.getLogger('fh')
log.propagate = False
log.setLevel(logging.DEBUG)
plain = new_handler('plain')
log.addHandler(plain)
log.debug('debug %d', 1)
log.info('info %s', 'x')
log.warning('warning')
plain.setLevel(logging.WARNING)
log.info('below the handler level')
log.error('error')
plain.setLevel(logging.NOTSET)
dump(plain)

# A filter on the handler, then on the logger.
class OnlyOdd(logging.Filter):
    def filter(self, record):
        return record.args[0] % 2 == 1


f = OnlyOdd()
plain.addFilter(f)
for i in range(4):
    log.info('n=%d', i)
plain.removeFilter(f)
log.addFilter(f)
for i in range(4):
    log.info('m=%d', i)
log.removeFilter(f)
log.addFilter(lambda record: record.getMessage() != 'skip')
log.info('skip')
log.info('keep')
log.filters.clear()
dump(plain)

# Terminators: instance, class.
plain.terminator = ';\n'
log.info('instance terminator')
del plain.terminator
logging.StreamHandler.terminator = '|\n'
log.info('class terminator')
logging.StreamHandler.terminator = '\n'
log.info('back')
dump(plain)

# Class overrides of Handler methods, and a subclass.
saved = logging.Handler.format
logging.Handler.format = lambda self, record: 'HF:' + saved(self, record)
log.info('patched Handler.format')
logging.Handler.format = saved
saved_emit = logging.FileHandler.emit


def counting_emit(self, record):
    counting_emit.n += 1
    saved_emit(self, record)


counting_emit.n = 0
logging.FileHandler.emit = counting_emit
log.info('patched emit')
logging.FileHandler.emit = saved_emit
print('emit calls', counting_emit.n)
plain.format = lambda record: 'instance format ' + record.msg
log.info('x')
del plain.format
log.info('normal again')
dump(plain)


class Shouting(logging.FileHandler):
    def emit(self, record):
        record.msg = record.msg.upper()
        super().emit(record)


shout = new_handler('shout', Shouting)
log.addHandler(shout)
log.info('quiet words')
log.removeHandler(shout)
dump(shout)
shout.close()

# A delayed handler opens its file on the first record; a closed one reopens.
delayed = new_handler('delayed', delay=True)
print('stream before', delayed.stream)
log.addHandler(delayed)
log.info('first for delayed')
print('stream after', delayed.stream is not None)
delayed.close()
log.info('after close')
log.removeHandler(delayed)
dump(delayed)

# A stream closed under the handler: the error goes to handleError (quiet here).
broken = new_handler('broken')
log.addHandler(broken)
broken.stream.close()
logging.raiseExceptions = False
log.info('into a closed file')
logging.raiseExceptions = True
log.removeHandler(broken)
broken.stream = None
print('broken handled')

# Propagation through the hierarchy, disabled loggers, Logger subclasses.
root_h = new_handler('root')
root = logging.getLogger()
root.addHandler(root_h)
root.setLevel(logging.INFO)
child = logging.getLogger('a.b.c')
mid = logging.getLogger('a.b')
mid_h = new_handler('mid')
mid.addHandler(mid_h)
child.info('from child')
mid.propagate = False
child.info('stops at mid')
mid.propagate = True
child.disabled = True
child.info('child disabled')
child.disabled = False
mid.disabled = True
child.info('mid disabled (handlers still run)')
mid.disabled = False
child.debug('below root level')
child.setLevel(logging.DEBUG)
child.debug('child level DEBUG')


class MyLogger(logging.Logger):
    def callHandlers(self, record):
        record.msg = 'MyLogger: ' + record.msg
        super().callHandlers(record)


logging.setLoggerClass(MyLogger)
custom = logging.getLogger('a.b.custom')
logging.setLoggerClass(logging.Logger)
custom.info('custom logger')
child.handle = lambda record: print('instance handle', record.getMessage())
child.info('instance override')
del child.handle
child.manager.disable = 0
child.info('child again')
dump(mid_h)
dump(root_h)

# Handler lists changed while handling.
class RemoveSelf(logging.Handler):
    def emit(self, record):
        print('RemoveSelf saw', record.getMessage())
        log.removeHandler(self)


log.handlers.insert(0, RemoveSelf())
log.info('during removal')
log.info('after removal')
log.handlers = (plain,)
log.info('handlers as a tuple')
log.handlers = [plain]
dump(plain)

# No handlers at all: the last resort, then the one-time warning.
lonely = logging.getLogger('lonely')
lonely.propagate = False
lonely.info('not shown (lastResort is WARNING)')
lonely.warning('to the last resort')
saved_last = logging.lastResort
logging.lastResort = None
lonely.warning('no handlers')
lonely.warning('no handlers again')
logging.lastResort = saved_last
sys.stderr.flush()

logging.shutdown()
for h in (plain, root_h, mid_h):
    h.close()
for p in paths:
    if os.path.exists(p):
        os.remove(p)
print('done')
