# note: 002_0d691bdb221e28cb.txt, section: join() (查看当前进程的活动线程个数)
import threading
class MyThreading(threading.Thread):
    def __init__(self):
        super(MyThreading, self).__init__()
    def run(self):
        print('www.anshengme.com')
t = MyThreading()
t.start()
print('线程个数： ', threading.active_count())
