# note: 002_0d691bdb221e28cb.txt, section: 进程间通信 (管道(Pipes))
# _*_ coding:utf-8 _*_
from multiprocessing import Process, Pipe
def ChildProcess(conn):
    conn.send(['Hello', None, 'World'])  # 写一段数�
    conn.close()  # 关�
if __name__ == '__main__':
    parent_conn, child_conn = Pipe()  # 生�一个管��例，parent_conn, child_conn管�的两头
    p = Process(target=ChildProcess, args=(child_conn,))
    p.start()
    print(parent_conn.recv())  # 收�消�
    p.join()
