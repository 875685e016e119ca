# note: 000_1afded46a2904bda.txt, section: 最简单的线程程序
import threading

# 最简单的线程程序
def worker():
    print("I'm working")
    print('Fineshed')

t = threading.Thread(target=worker, name='worker') # 线程对象
t.start() # 启动
