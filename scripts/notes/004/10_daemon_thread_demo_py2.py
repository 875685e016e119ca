# coding=utf-8 -- note: 004_c63cb88ec52ee013.txt, section: 高阶使用 (或者这样)
#coding=utf-8

import threading
from time import ctime,sleep


class DaemonThreadDemo(threading.Thread):
	def __init__(self, nloop, nsec, name=""):
		threading.Thread.__init__(self)
		self.name = name
		self.nloop = nloop
		self.nsec = nsec

	def run(self):
		print "loop", self.nloop, "start  at: ", ctime()
		sleep(self.nsec)
		print "loop", self.nloop, "end    at: ", ctime()


print "all start at: ",ctime()

loops = [4,2]
threads = []
nloops = range(len(loops))

for i in nloops:
	t = DaemonThreadDemo(i, loops[i], "loop")
	t.setDaemon(True)
	t.start()
	threads.append(t)	

for i in nloops:
	threads[i].join()

print "all end   at: ",ctime()
