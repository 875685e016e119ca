# logging's native fast paths must give way to every customisation: record factories and
# subclasses, Formatter subclasses, class and instance overrides (converter, formatTime,
# default_msec_format), styles, filters, odd arguments and messages, exc_info, stack_info,
# thread names, module switches, handler subclasses and streams. Times are fixed (created=0)
# or masked so the output is deterministic.
import logging
import sys
import threading
import time


class ListStream:
    def __init__(self):
        self.lines = []

    def write(self, s):
        self.lines.append(s)

    def flush(self):
        pass


stream = ListStream()
log = logging.getLogger('fp')
log.propagate = False
log.setLevel(logging.DEBUG)
h = logging.StreamHandler(stream)
log.addHandler(h)


def show(title):
    print(title, repr(''.join(stream.lines)))
    stream.lines.clear()


# The record's attributes and their order.
records = []


class Keep(logging.Handler):
    def emit(self, record):
        records.append(record)


keep = Keep()
log.addHandler(keep)
log.info('hello %s', 'there')
print(list(vars(records[0])))
r = records[0]
print(r.name, r.levelname, r.levelno, r.msg, r.args, r.filename, r.module, r.funcName,
      r.lineno, r.exc_info, r.exc_text, r.stack_info, r.threadName, r.processName,
      type(r.created).__name__, type(r.msecs).__name__, r.msecs == int(r.msecs))
log.removeHandler(keep)
show('plain')

# Fixed-time records through the formatter alone.
fixed = logging.makeLogRecord({'name': 'n', 'levelname': 'INFO', 'msg': 'm %d', 'args': (5,),
                               'created': 0.0, 'msecs': 7.0})
logging.Formatter.converter = time.gmtime
f = logging.Formatter('%(asctime)s %(levelname)s %(message)s')
print(f.format(fixed))
print(logging.Formatter('%(asctime)s|%(message)s', datefmt='%H:%M %d/%m/%Y').format(fixed))
print(logging.Formatter('%(asctime)s|%(message)s', datefmt='').format(fixed))
logging.Formatter.default_msec_format = '%s.%03d'
print(f.format(fixed))
logging.Formatter.default_msec_format = None
print(f.format(fixed))
del logging.Formatter.default_msec_format
logging.Formatter.default_msec_format = '%s,%03d'
logging.Formatter.default_time_format = '%d %b %Y %H:%M:%S'
print(f.format(fixed))
logging.Formatter.default_time_format = '%Y-%m-%d %H:%M:%S'
logging.Formatter.converter = lambda self, t: time.gmtime(t + 3600)
print(f.format(fixed))
logging.Formatter.converter = time.gmtime
f.converter = lambda t: time.gmtime(t + 7200)
print(f.format(fixed))
del f.converter
f.formatTime = lambda record, datefmt=None: 'INSTANCE-TIME'
print(f.format(fixed))
del f.formatTime
print(f.format(fixed))


class MyFormatter(logging.Formatter):
    def formatTime(self, record, datefmt=None):
        return 'T%d' % record.created


class Upper(logging.Formatter):
    def format(self, record):
        return super().format(record).upper()


class NoMsg(logging.Formatter):
    def formatMessage(self, record):
        return 'formatMessage:' + record.message


print(MyFormatter('%(asctime)s %(message)s').format(fixed))
print(Upper('%(asctime)s %(message)s').format(fixed))
print(NoMsg('%(asctime)s %(message)s').format(fixed))
print(logging.Formatter('{asctime} {levelname} {message}', style='{').format(fixed))
print(logging.Formatter('${asctime} $levelname ${message}', style='$').format(fixed))
print(logging.Formatter('%(asctime)s %(app)s %(message)s',
                        defaults={'app': 'APP'}).format(fixed))
print(logging.Formatter('[%(levelname)-8s] %(lineno)3d %(message)r %(msecs)05.1f').format(fixed))
print(logging.Formatter().format(fixed))
fixed.created = 90061.5
fixed.msecs = 500.0
print(f.format(fixed))
fixed.msecs = 999.9
print(f.format(fixed))
print(sorted(k for k in vars(fixed) if k in ('message', 'asctime')), fixed.message)

# Handlers with formatters on real log calls (asctime masked to its shape).
h.setFormatter(logging.Formatter('%(levelname)s:%(name)s:%(threadName)s:%(message)s'))
log.info('args %s %d %r %s', 'a', 3, 'b', None)
log.info('mapping %(a)s %(b)d', {'a': 'x', 'b': 2})
log.info(42)
log.info('no args %d%%')
log.info('percent %d%%', 50)
log.info('float %s %.2f', 1.5, 2.25)
log.info('big %d', 10 ** 30)
log.info('tuple %s', (1, 2))
log.info('bool %s %d', True, False)
show('calls')


class Loud:
    calls = 0

    def __str__(self):
        Loud.calls += 1
        return 'loud%d' % Loud.calls


log.info('obj %s', Loud())
log.info(Loud())
h.setFormatter(logging.Formatter('%(user)s|%(message)s'))
log.info('with extra', extra={'user': Loud()})
h.setFormatter(logging.Formatter('%(levelname)s:%(message)s'))
print('Loud calls', Loud.calls)
show('objects')

# Errors in formatting are reported through handleError (quietly here).
logging.raiseExceptions = False
log.info('bad %d', 'x')
log.info('too many %s', 1, 2)
h.setFormatter(logging.Formatter('%(nosuchfield)s %(message)s'))
log.info('missing field')
h.setFormatter(logging.Formatter('%(levelname)s:%(message)s'))
logging.raiseExceptions = True
show('errors')

# exc_info and stack_info take the Python path.
try:
    1 / 0
except ZeroDivisionError:
    log.exception('failed %s', 'here')
text = ''.join(stream.lines)
stream.lines.clear()
print(text.splitlines()[0], text.splitlines()[-1], 'Traceback' in text)
log.info('with stack', stack_info=True)
text = ''.join(stream.lines)
stream.lines.clear()
print(text.splitlines()[0], text.splitlines()[1])

# Filters, and a record factory.
class Redact(logging.Filter):
    def filter(self, record):
        record.msg = record.msg.replace('secret', '******')
        return 'drop' not in record.msg


h.addFilter(Redact())
log.info('the secret is out')
log.info('drop me')
h.filters.clear()
old_factory = logging.getLogRecordFactory()


def factory(*args, **kwargs):
    record = old_factory(*args, **kwargs)
    record.custom = 'C'
    return record


logging.setLogRecordFactory(factory)
h.setFormatter(logging.Formatter('%(custom)s %(levelname)s:%(message)s'))
log.info('from factory')


class MyRecord(logging.LogRecord):
    def getMessage(self):
        return 'MyRecord:' + super().getMessage()


logging.setLogRecordFactory(MyRecord)
h.setFormatter(logging.Formatter('%(levelname)s:%(message)s'))
log.info('sub %d', 1)
logging.setLogRecordFactory(old_factory)
log.info('back to plain')
saved = logging.LogRecord.getMessage
logging.LogRecord.getMessage = lambda self: 'patched'
log.info('class patched')
logging.LogRecord.getMessage = saved
log.info('restored %s', 'ok')
show('filters and factories')

# Module switches and thread names.
logging.logThreads = False
h.setFormatter(logging.Formatter('%(threadName)s %(thread)s %(process)s %(processName)s'))
log.info('x')
logging.logThreads = True
logging.logProcesses = False
logging.logMultiprocessing = False
log.info('x')
logging.logProcesses = True
logging.logMultiprocessing = True
print(' '.join(w if not w.isdigit() else 'N' for w in ''.join(stream.lines).replace('\n', ' / ').split(' ')))
stream.lines.clear()
h.setFormatter(logging.Formatter('%(threadName)s:%(message)s'))


def work():
    log.info('in thread')
    threading.current_thread().name = 'renamed'
    log.info('after rename')


t = threading.Thread(target=work, name='worker-1')
t.start()
t.join()


class Named(threading.Thread):
    @property
    def name(self):
        return 'custom-name'

    @name.setter
    def name(self, v):
        pass


t = Named(target=work)
t.start()
t.join()
threading.current_thread().name = 'Main'
log.info('main renamed')
threading.current_thread().name = 'MainThread'
show('threads')

# Handler subclasses and streams.
class Tagged(logging.StreamHandler):
    terminator = ' <END>\n'

    def format(self, record):
        return 'tagged:' + super().format(record)


tagged = Tagged(stream)
tagged.setFormatter(logging.Formatter('%(message)s'))
log.removeHandler(h)
log.addHandler(tagged)
log.info('one')
tagged.terminator = '!\n'
log.info('two')
log.removeHandler(tagged)
h2 = logging.StreamHandler(sys.stdout)
h2.setFormatter(logging.Formatter('stdout:%(message)s'))
log.addHandler(h2)
log.info('to stdout')
h2.setStream(stream)
log.info('to list')
h2.emit = lambda record: print('instance emit', record.getMessage())
log.info('emit override')
del h2.emit
h2.level = logging.ERROR
log.info('below handler level')
log.error('at handler level')
log.removeHandler(h2)
log.addHandler(h)
log.disabled = True
log.info('disabled')
log.disabled = False
logging.disable(logging.INFO)
log.info('globally disabled')
logging.disable(logging.NOTSET)
log.info('enabled again')
show('handlers')
