# note: 002_0d691bdb221e28cb.txt, section: 进程间通信 (进程 Queue)
# _*_ coding:utf-8 _*_
from multiprocessing import Process, Queue
def ChildProcess(Q):
    Q.put(['Hello', None, 'World'])  # 在Queue里�上传一个列表
if __name__ == '__main__':
    q = Queue()  # 创建一个Queue
    p = Process(target=ChildProcess, args=(q,))  # 创建一个�进程，并把Queue传给�进程,相当�克隆了一份Queue
    p.start()  # �动�进程
    print(q.get())  # ��q�的数�
    p.join()
