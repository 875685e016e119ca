# note: 002_0d691bdb221e28cb.txt, section: 多进程 (启动一个多进程)
from multiprocessing import Process
import time
def f(name):
    time.sleep(2)
    print('hello', name)
if __name__ == '__main__':
    for n in range(10):  # 创建一个进程
        p = Process(target=f, args=('bob %s' % (n),))
        # �动
        p.start()
        # �待进程执行完毕
