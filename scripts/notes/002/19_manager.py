# note: 002_0d691bdb221e28cb.txt, section: 进程间通信 (数据共享(Managers))
# _*_ coding:utf-8 _*_
# _*_ coding:utf-8 _*_
from multiprocessing import Process, Manager
import os

def ChildProcess(Dict, List):
    Dict['k1'] = 'v1'
    Dict['k2'] = 'v2'
    List.append(os.getpid())  # ���进程的PID
    print(List)  # 输出列表�的内容

if __name__ == '__main__':
    manager = Manager()  # 生�Manager对象
    Dict = manager.dict()  # 生�一个�以在多个进程之间传递共享的�典
    List = manager.list()  # 生�一个�典

    ProcessList = []  # 创建一个空列表，�放进程的对象，�待�进程执行用�

    for i in range(10):  # 生�是个�进程
        p = Process(target=ChildProcess, args=(Dict, List))  # 创建一个�进程
        p.start()  # �动
        ProcessList.append(p)  # 把�进程添加到p_list列表�

    for res in ProcessList:  # 循�所有的�进程
        res.join()  # �待执行完毕
    print('\n')
    print(Dict)
    print(List)
