# Two RLocks taken in opposite orders, made certain by a barrier.
import threading

accounts = threading.RLock()
audit = threading.RLock()
both = threading.Barrier(2)


def transfer():
    with accounts:
        with accounts:
            both.wait()
            with audit:
                pass


def report():
    with audit:
        both.wait()
        with accounts:
            pass


t1 = threading.Thread(target=transfer, name="transfer")
t2 = threading.Thread(target=report, name="report")
t1.start()
t2.start()
t1.join()
t2.join()
