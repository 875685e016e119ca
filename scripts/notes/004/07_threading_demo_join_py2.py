# coding=utf-8 -- note: 004_c63cb88ec52ee013.txt, section: 派生子类 (或者参数传入的方式)
# coding=utf-8

import threading
from time import ctime,sleep

def loop(nloop,nsec):
	print "loop",nloop," start at: ",ctime()
	sleep(nsec)
	print "loop",nloop,"end    at: ",ctime()

print "all start at: ",ctime()
loops = [4,2]
threads = []
nloops = range(len(loops))

#创建两个线程
for i in nloops:
	t = threading.Thread(target=loop,args=(i,loops[i]))
	threads.append(t)

#让两个线程同时开始
for i in nloops:
	threads[i].start()

#将两个线程加入主线程
#如果将join和start在一起的话
#就会阻塞主线程的执行
#没有产生另一个子线程
#所以并没有开启多线程
#还是一个线程一个线程的执行
for i in nloops:
	threads[i].join()

print "all end   at: ",ctime()
