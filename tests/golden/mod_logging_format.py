# logging formats: asctime with datefmt and the default `,msecs`, created/msecs/relative
# times, thread ids, FileHandler modes; masked so the output is deterministic.
import logging
import os
import threading

path = 'mod_logging_format.tmp.log'
log = logging.getLogger('fmt')
log.propagate = False
fh = logging.FileHandler(path, mode='w')
fh.setFormatter(logging.Formatter(
    '%(asctime)s|%(created)f|%(msecs)d|%(relativeCreated)d|%(thread)d|%(process)d|%(message)s'))
log.addHandler(fh)
log.warning('one')
fh2 = logging.FileHandler(path, mode='a')
fh2.setFormatter(logging.Formatter('%(asctime)s %(message)s', datefmt='%Y/%m/%d'))
log.addHandler(fh2)
log.warning('two')
print(fh.baseFilename == os.path.abspath(path), fh.mode, fh2.mode, fh.level)
print(repr(fh) == '<FileHandler %s (NOTSET)>' % os.path.abspath(path))
fh.close()
fh2.close()
with open(path) as f:
    lines = f.read().splitlines()
os.remove(path)
print(len(lines))


def is_digits(s, n=None):
    return s.isdigit() and (n is None or len(s) == n)


def is_asctime(s):
    # 2026-11-22 10:00:00,123
    date, _, rest = s.partition(' ')
    hms, _, ms = rest.partition(',')
    d = date.split('-')
    t = hms.split(':')
    return (len(d) == 3 and [len(x) for x in d] == [4, 2, 2] and all(map(is_digits, d))
            and len(t) == 3 and all(is_digits(x, 2) for x in t) and is_digits(ms, 3))


f0 = lines[0].split('|')
print(len(f0), is_asctime(f0[0]), f0[6])
created = f0[1].split('.')
print(is_digits(created[0]), is_digits(created[1], 6))
print(int(f0[0][-3:]) == int(f0[2]), is_digits(f0[3]), int(f0[4]) == threading.get_ident(),
      int(f0[5]) == os.getpid())
print(is_asctime(lines[1].split('|')[0]), lines[1].split('|')[-1])
d, msg = lines[2].split(' ')
print([len(x) for x in d.split('/')], msg)
r = logging.LogRecord('n', logging.INFO, '/a/b/c.py', 7, 'm %s', ('x',), None, 'fn')
print(r.name, r.levelname, r.pathname, r.filename, r.module, r.lineno, r.funcName,
      r.getMessage(), r.processName, r.threadName)
print(r)
f = logging.Formatter('%(filename)s:%(lineno)d %(funcName)s %(module)s %(message)s')
print(f.format(r))
