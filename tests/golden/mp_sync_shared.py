# Process-shared Lock/RLock/Semaphore/Event/Condition and Value/Array.
import multiprocessing as mp
import time


def add_many(counter, arr, lock, n):
    for _ in range(n):
        with lock:
            counter.value += 1
        with arr.get_lock():
            arr[0] += 1


def locked_put(lock, q, i):
    with lock:
        q.put(i)


def waiter(ev, done):
    ev.wait()
    with done.get_lock():
        done.value += 1


def sem_user(sem, active, peak):
    with sem:
        with active.get_lock():
            active.value += 1
            if active.value > peak.value:
                peak.value = active.value
        time.sleep(0.05)
        with active.get_lock():
            active.value -= 1


def notifier(cond, flag):
    time.sleep(0.1)
    with cond:
        flag.value = 1
        cond.notify_all()


if __name__ == '__main__':
    mp.set_start_method('spawn')
    counter = mp.Value('i', 0)
    arr = mp.Array('d', [0.0, 1.5, 2.5])
    lock = mp.Lock()
    ps = [mp.Process(target=add_many, args=(counter, arr, lock, 500)) for _ in range(4)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print(counter.value, arr[:], len(arr), arr[-1], list(arr))
    print(counter)
    v = mp.Value('c', b'x')
    print(v.value, mp.Value('d', 2.25).value, mp.Value('i').value)
    big = mp.Value('i', 2 ** 31)
    print(big.value)
    chars = mp.Array('c', b'hey')
    print(chars.value, chars.raw, chars[1])
    try:
        mp.Value('i', 1.5)
    except TypeError as e:
        print('TypeError', e)
    try:
        arr[3]
    except IndexError as e:
        print('IndexError', e)
    raw = mp.RawValue('i', 7)
    print(raw.value)
    lk = mp.Lock()
    print(lk.acquire(), lk.acquire(False), lk.acquire(timeout=0.05))
    lk.release()
    try:
        lk.release()
    except ValueError as e:
        print('ValueError', e)
    rl = mp.RLock()
    print(rl.acquire(), rl.acquire(), rl.release(), rl.release())
    try:
        rl.release()
    except AssertionError as e:
        print('AssertionError', e)
    sem = mp.Semaphore(2)
    print(sem.get_value(), sem.acquire(), sem.acquire(), sem.acquire(False), sem.get_value())
    sem.release()
    sem.release()
    bs = mp.BoundedSemaphore(1)
    try:
        bs.release()
    except ValueError as e:
        print('ValueError', e)
    q = mp.Queue()
    procs = [mp.Process(target=locked_put, args=(lock, q, i)) for i in range(3)]
    with lock:
        for p in procs:
            p.start()
        time.sleep(0.2)
        print('main holds the lock; queue empty:', q.empty())
    print(sorted(q.get() for _ in procs))
    for p in procs:
        p.join()
    ev = mp.Event()
    done = mp.Value('i', 0)
    ws = [mp.Process(target=waiter, args=(ev, done)) for _ in range(3)]
    for w in ws:
        w.start()
    print(ev.is_set(), ev.wait(0.05), done.value)
    ev.set()
    for w in ws:
        w.join()
    print(ev.is_set(), ev.wait(), done.value)
    ev.clear()
    print(ev.is_set())
    sem3 = mp.Semaphore(2)
    active, peak = mp.Value('i', 0), mp.Value('i', 0)
    ss = [mp.Process(target=sem_user, args=(sem3, active, peak)) for _ in range(5)]
    for s in ss:
        s.start()
    for s in ss:
        s.join()
    print('peak at most 2:', 1 <= peak.value <= 2, active.value)
    cond = mp.Condition()
    flag = mp.Value('i', 0)
    n = mp.Process(target=notifier, args=(cond, flag))
    n.start()
    with cond:
        print(cond.wait_for(lambda: flag.value == 1, timeout=5))
    n.join()
    with cond:
        print(cond.wait(0.05))
