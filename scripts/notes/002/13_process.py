# note: 002_0d691bdb221e28cb.txt, section: 多进程 (启动一个进程)
from multiprocessing import Process
import time
def f(name):
    time.sleep(2)
    print('hello', name)
if __name__ == '__main__':
    # 创建一个进程
    p = Process(target=f, args=('bob',))
    # �动
    p.start()
    # �待进程执行完毕
    p.join()
