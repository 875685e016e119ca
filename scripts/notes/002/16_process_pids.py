# note: 002_0d691bdb221e28cb.txt, section: 多进程 (获取启动进程的 PID)
# _*_ coding:utf-8 _*_
from multiprocessing import Process
import os
def info(tring):
    print(tring)
    print('module name:', __name__)
    print('父进程的PID:', os.getppid())
    print('�进程的PID:', os.getpid())
    print("\n")
def ChildProcess():
    info('\033[31;1mChildProcess\033[0m')
if __name__ == '__main__':
    info('\033[32;1mTheParentProcess\033[0m')
    p = Process(target=ChildProcess)
    p.start()
