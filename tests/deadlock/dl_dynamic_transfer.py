# The notes' transfer whose lock order depends on its arguments: transfer(a, b) and
# transfer(b, a) running together lock in opposite orders.
import threading


class Account:
    def __init__(self, name, balance):
        self.name = name
        self.balance = balance
        self.lock = threading.Lock()


both = threading.Barrier(2)


def transfer(src, dst, amount):
    with src.lock:
        both.wait()
        with dst.lock:
            src.balance -= amount
            dst.balance += amount


ming = Account("ming", 5000)
zhang = Account("zhang", 8000)
t1 = threading.Thread(target=transfer, args=(ming, zhang, 1000))
t2 = threading.Thread(target=transfer, args=(zhang, ming, 1000))
t1.start()
t2.start()
t1.join()
t2.join()
