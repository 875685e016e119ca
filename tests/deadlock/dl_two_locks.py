import threading
import time

m_lock = threading.Lock()
z_lock = threading.Lock()


def a_to_b():
    with m_lock:
        time.sleep(0.1)
        with z_lock:
            print("a_to_b done")


def b_to_a():
    with z_lock:
        time.sleep(0.1)
        with m_lock:
            print("b_to_a done")


t1 = threading.Thread(target=a_to_b)
t2 = threading.Thread(target=b_to_a)
t1.start()
t2.start()
t1.join()
t2.join()
