# The Python 2 builtins, methods and modules compatibility mode provides.
print "xrange", list(xrange(3)), list(xrange(1, 10, 4)), sum(xrange(101))


def add(a, b, c=0):
    return a + b + c


print "apply", apply(add, (1, 2)), apply(add, (1,), {'b': 5, 'c': 1}), apply(lambda: 'none')
d = {'k': 1, 'j': 2}
print "has_key", d.has_key('k'), d.has_key('z')
print "iteritems", sorted(d.iteritems()), sorted(d.iterkeys()), sorted(d.itervalues())
print "cmp", cmp(1, 2), cmp(2, 2), cmp('b', 'a')
print "reduce", reduce(lambda a, b: a * b, [1, 2, 3, 4]), reduce(lambda a, b: a + b, [], 7)
print "long", long(3), long('12'), "unicode", unicode(4), unichr(65)
print "basestring", isinstance('x', basestring)
it = iter([1, 2])
print "next", it.next(), it.next()
name = raw_input("who? ")
print
print "hello", name

from Queue import Queue
q = Queue(2)
q.put('xxx', 1)
print "Size now", q.qsize()
print q.get(1), q.empty()
import Queue
print Queue.Queue is Queue.LifoQueue, Queue.Empty.__name__

import thread
lock = thread.allocate_lock()
print "lock", lock.acquire(), lock.locked()
lock.release()

try:
    raise ValueError, "boom"
except ValueError, e:
    print "caught", e
try:
    {}['missing']
except (KeyError, IndexError), e:
    print "caught", e.__class__.__name__, e
print "division", 7/2, -7/2, 7.0/2, 7/2.0, True/2, 2**70/3, 1/2
x = 9
x /= 2
y = 9.0
y /= 2
print x, y, [1, 2, 3, 4][len('abcd')/2]
try:
    print 1/0
except ZeroDivisionError, e:
    print "zde", e
import sys
print "maxint", sys.maxint == sys.maxsize, sys.maxint
