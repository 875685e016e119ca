# coding=utf-8
# The threading idioms of note 004 in Python 2 (sleeps shortened; each thread runs alone so
# the output is deterministic).
import threading
from time import sleep


class ThreadFunc(object):
	def __init__(self, func, args, name=""):
		self.args = args
		self.func = func
		self.name = name

	def __call__(self):
		apply(self.func, self.args)


class MyThread(threading.Thread):
	def __init__(self, func, args, name=""):
		threading.Thread.__init__(self)
		self.name = name
		self.func = func
		self.args = args

	def run(self):
		apply(self.func, self.args)


def loop(nloop, nsec):
	print "loop", nloop, " start at: ", nsec
	sleep(nsec)
	print "loop", nloop, "end    at: ", nsec


print "all start at: ", 0
loops = [0.02, 0.01]
nloops = range(len(loops))
for i in nloops:
	t = threading.Thread(target=ThreadFunc(loop, (i, loops[i]), loop.__name__))
	t.start()
	t.join()
	print t.isAlive()
for i in nloops:
	t = MyThread(loop, (i, loops[i]), loop.__name__)
	print t.isAlive(),
	t.start()
	t.join()
	print t.name, t.isAlive()

local = threading.local()


def process_name():
    print "hello %s, in %s" % (local.name, threading.current_thread().name)


def process_local(name):
    local.name = name
    process_name()


local.name = 'Cli'
process_name()
for name, tname in [('Bob', 'Target-A'), ('Alice', 'Target-B')]:
    t = threading.Thread(target=process_local, args=(name, ), name=tname)
    t.start()
    t.join()
print "local value %s" % local.name


def has_live_threads(threads):
    return True in [t.isAlive() for t in threads]


threads = [threading.Thread(target=sleep, args=(0.01,)) for i in xrange(3)]
for t in threads:
    t.start()
while has_live_threads(threads):
    [t.join(1) for t in threads if t is not None and t.isAlive()]
print "Exited", has_live_threads(threads)
print "all end   at: ", 1
