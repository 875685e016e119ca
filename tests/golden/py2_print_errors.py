# The print statement's errors: an object's softspace attribute that raises is ignored, as
# CPython 2 ignores it; str() and write() errors propagate; a non-file target has no write.
class W(object):
    @property
    def softspace(self):
        raise RuntimeError("no softspace")
    def write(self, s):
        pass
print >>W(), "a", "b"
class S(object):
    def __str__(self):
        return 42
try:
    print "x", S()
except TypeError, e:
    print
    print "TypeError", e
class Bad(object):
    def write(self, s):
        raise IOError("disk full")
try:
    print >>Bad(), "q"
except IOError, e:
    print "IOError", e
print >>3, "z"
