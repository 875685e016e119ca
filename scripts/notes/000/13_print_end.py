# note: 000_1afded46a2904bda.txt, section: 1、不让print打印换行
import threading

def worker():
    for x in range(100):
        print("{} is running.\n".format(threading.current_thread().name), end='')

for x in range(1, 5):
    name = "worker{}".format(x)
    t = threading.Thread(name=name, target=worker)
    t.start()
