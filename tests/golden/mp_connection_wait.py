# multiprocessing.connection.wait on process sentinels and connections.
import multiprocessing as mp, time
from multiprocessing.connection import wait
def nap(t): time.sleep(t)
if __name__ == '__main__':
    mp.set_start_method('spawn')
    ps = [mp.Process(target=nap, args=(t,)) for t in (0.1, 5)]
    for p in ps: p.start()
    ready = wait([p.sentinel for p in ps])
    print(ready == [ps[0].sentinel])
    a, b = mp.Pipe()
    print(wait([a, b], 0.05))
    a.send(1)
    print(wait([a, b], 0.05) == [b])
    ps[1].terminate()
    for p in ps: p.join()
    print([p.exitcode for p in ps])
