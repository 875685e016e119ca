# From note 003: lock_manager/acquire context managers built with @contextmanager, the Bank
# class with @classmethod and a name-mangled __get_hash, run on multiprocessing.dummy's Pool.
from time import sleep
from contextlib import contextmanager
from multiprocessing.dummy import Pool as ThreadPool, Lock
import threading
_local = threading.local()

@contextmanager
def lock_manager(*args):
    args = sorted(args, key=lambda x: id(x))
    try:
        for lock in args:
            lock.acquire()
        yield
    finally:
        for lock in reversed(args):
            lock.release()

@contextmanager
def acquire(*args):
    args = sorted(args, key=lambda x: id(x))
    acquired = getattr(_local, 'acquired', [])
    if acquired and max(id(lock) for lock in acquired) >= id(args[0]):
        raise RuntimeError('lock order problem')
    acquired.extend(args)
    _local.acquired = acquired
    try:
        for lock in args:
            lock.acquire()
        yield
    finally:
        for lock in reversed(args):
            lock.release()
        del acquired[-len(args):]

class Account(object):
    def __init__(self, name, money=5000):
        self.name = name
        self.lock = Lock()
        self.money = money

class Bank(object):
    tie_lock = Lock()
    @classmethod
    def __get_hash(cls, obj):
        return id(obj)
    @classmethod
    def transfer(cls, p_from, p_to, money):
        from_hash = cls.__get_hash(p_from)
        to_hash = cls.__get_hash(p_to)
        if from_hash > to_hash:
            with p_from.lock:
                p_from.money -= money
                sleep(0.01)
                with p_to.lock:
                    p_to.money += money
        elif from_hash < to_hash:
            with p_to.lock:
                p_to.money += money
                sleep(0.01)
                with p_from.lock:
                    p_from.money -= money
        else:
            with cls.tie_lock:
                with p_from.lock:
                    p_from.money -= money
                    sleep(0.01)
                    with p_to.lock:
                        p_to.money += money

def main():
    xiaoming = Account("xm")
    xiaozhang = Account("xz")
    xiaopan = Account("xp")
    print(f"before {xiaoming.money} {xiaozhang.money} {xiaopan.money}")
    p = ThreadPool()
    for i in range(3):
        p.apply_async(Bank.transfer, args=(xiaoming, xiaozhang, 1000))
        if i == 1:
            p.apply_async(Bank.transfer, args=(xiaopan, xiaoming, 1000))
        p.apply_async(Bank.transfer, args=(xiaozhang, xiaoming, 1000))
    p.close()
    p.join()
    print(f"after {xiaoming.money} {xiaozhang.money} {xiaopan.money}")
    print(hasattr(Bank, '_Bank__get_hash'), hasattr(Bank, '__get_hash'))
    a, b = Lock(), Lock()
    with lock_manager(a, b):
        print('both held', a.locked(), b.locked())
    print('released', a.locked(), b.locked())
    with acquire(a, b):
        print('acquired', len(_local.acquired))
        try:
            with acquire(a):
                pass
        except RuntimeError as e:
            print('RuntimeError', e)
    print('after', _local.acquired, a.locked(), b.locked())
    def philosopher(left, right, n):
        for _ in range(20):
            with acquire(left, right):
                pass
    chop = [threading.Lock() for _ in range(5)]
    ts = [threading.Thread(target=philosopher, args=(chop[i], chop[(i + 1) % 5], i)) for i in range(5)]
    for t in ts: t.start()
    for t in ts: t.join()
    print('philosophers done')

if __name__ == '__main__':
    main()
