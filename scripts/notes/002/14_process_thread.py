# note: 002_0d691bdb221e28cb.txt, section: 多进程 (在进程内启动一个线程)
from multiprocessing import Process
import threading
def Thread(tring):
    print(tring)
def Proces(tring):
    print('hello', tring)
    t = threading.Thread(target=Thread, args=('Thread %s' % (tring),))  # 创建一个线程
    t.start()  # �动它
if __name__ == '__main__':
    p = Process(target=Proces, args=('World',))  # 创建一个进程
    p.start()  # �动
    p.join()  # �待进程执行完毕
