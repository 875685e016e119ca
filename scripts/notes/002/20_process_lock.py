# note: 002_0d691bdb221e28cb.txt, section: 进程间通信 (锁(Lock))
from multiprocessing import Process, Lock

def ChildProcess(l, i):
    l.acquire()  # ���
    print('hello world', i)
    l.release()  # 释放�

if __name__ == '__main__':
    lock = Lock()  # 生�Lock对象
    for num in range(10):
        Process(target=ChildProcess, args=(lock, num)).start()  # 创建并�动一个�进程
