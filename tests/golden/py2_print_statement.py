# Python 2's print statement: items separated by the softspace rule, trailing commas,
# `print >>file`, and the writes it makes.
import sys

print "all start at: ", "now"
print "loop", 0, " start at: ", 1.5
print "a", "b",
print "c"
print "tab\t",
print "after tab"
print "newline\n",
print "after newline"
print "space ",
print "after space"
print "",
print "after empty"
print
print "x",
print
print 1/3.0, 2/3.0, 1e16, 1.0, 123456789012.5, -0.0, 0.1 + 0.2, [0.1 + 0.2], (1.5,)
print 10, -3, True, None, [1, 'a'], {'k': (1, 2)}, 2 ** 70
print "%s is %d years" % ("Bob", 42)
print "  " + str(7) + "  "
print ("paren")
print ("a", "b")
print("call"), "and more"
print "Loading",
sys.stdout.write(".")
print "done"


class Recorder(object):
    def __init__(self):
        self.calls = []

    def write(self, s):
        self.calls.append(s)


r = Recorder()
print >>r, "a", 1, "b\n",
print >>r, "c"
print >>r
print r.calls, r.softspace
print >>None, "to stdout"
print >>sys.stderr, "to", "stderr",
print "stdout again"
print >>sys.stderr
sys.stdout.flush()


def gen():
    for i in range(3):
        print i,
        yield i


total = sum(gen())
print
print "total", total
for i in range(3): print i, "x",
print "end"
