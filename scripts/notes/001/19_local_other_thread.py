# note: 001_8cd1e5c8a1f76dcc.txt, section: threading.local类 (再看threading.local的例子)
import threading

X = 'abc'
global_data = threading.local() # 注意这个对象所处的线程
global_data.x = 100
print(global_data, type(global_data), global_data.x)

def worker():
    print(X)
    print(global_data)
    print(global_data.x)
    print('in worker')

worker() # 普通函数调用
print('-' * 30)
threading.Thread(target=worker).start() # 启动一个线程
