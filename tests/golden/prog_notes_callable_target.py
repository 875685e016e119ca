# From note 004: a __call__ object as a thread target; Thread subclasses calling
# Thread.__init__(self), super(Cls, self).__init__() and super().__init__() with a mangled name.
import threading
from time import sleep
out = []
class ThreadFunc(object):
    def __init__(self, func, args, name=""):
        self.args = args
        self.func = func
        self.name = name
    def __call__(self):
        self.func(*self.args)
def loop(nloop, nsec):
    out.append(('start', nloop))
    sleep(nsec)
    out.append(('end', nloop))
loops = [0.3, 0.01]
threads = []
nloops = range(len(loops))
for i in nloops:
    t = threading.Thread(target=ThreadFunc(loop, (i, loops[i]), loop.__name__))
    threads.append(t)
for i in nloops:
    threads[i].start()
for i in nloops:
    threads[i].join()
print(sorted(out))
print(out[-1])
class MyThread(threading.Thread):
    def __init__(self, func, args, name=''):
        threading.Thread.__init__(self)
        self.name = name; self.func = func; self.args = args
    def getResult(self): return self.res
    def run(self):
        self.res = self.func(*self.args)
class MyThreading(threading.Thread):
    def __init__(self, n):
        super(MyThreading, self).__init__()
        self.n = n
    def run(self): print('run', self.n, self.name)
class MyThread3(threading.Thread):
    def __init__(self):
        super().__init__(name='custom')
        self.__running = True
    def run(self): print('mangled', self._MyThread3__running, self.name)
t = MyThread(lambda a, b: a + b, (1, 2), 'adder'); t.start(); t.join(); print(t.getResult(), t.name)
t = MyThreading(5); t.start(); t.join()
t = MyThread3(); t.start(); t.join()
