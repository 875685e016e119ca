# note: 001_8cd1e5c8a1f76dcc.txt, section: Thread实例的属性和方法
import threading
import time

def worker():
    for i in range(5):
        time.sleep(1)
        print('i am working')
    print('finished')

t = threading.Thread(target=worker, name='worker') # 线程对象
print(t.name, t.ident)
time.sleep(1)
t.start() # 启动
print('===end===')
while True:
    time.sleep(1)
    print('{} {} {}'.format(t.name, t.ident,
        'alive' if t.is_alive() else 'dead'))
    if not t.is_alive():
        print('{} restart'.format(t.name))
        t.start() # 线程重启？？
