# A Python 3 file never gets Python 2 compatibility mode's names: they fail as in CPython 3.
import sys
import threading

for name, f in [
    ("xrange", lambda: xrange(3)),
    ("apply", lambda: apply(len, ([1],))),
    ("raw_input", lambda: raw_input()),
    ("has_key", lambda: {}.has_key(1)),
    ("iteritems", lambda: {}.iteritems()),
    ("isAlive", lambda: threading.current_thread().isAlive()),
    ("next", lambda: iter([]).next()),
    ("maxint", lambda: sys.maxint),
    ("print >>", lambda: print >> 2),
    ("print >> f", lambda: (print >> 2, "x")),
]:
    try:
        f()
    except Exception as e:
        print(name, type(e).__name__, e)
try:
    import Queue
except ImportError as e:
    print(type(e).__name__, e)
print(7 / 2, -7 / 2)
print
print("done")
xrange(2)
