# Manager(): dict, list, Namespace, Value, Queue and Lock proxies updated by many processes.
import multiprocessing as mp
def w(d, l, ns, i):
    d[i] = i * i
    l.append(i)
    ns.x = i
if __name__ == '__main__':
    mp.set_start_method('spawn')
    with mp.Manager() as m:
        d = m.dict(); l = m.list([0]); ns = m.Namespace(x=0)
        ps = [mp.Process(target=w, args=(d, l, ns, i)) for i in range(1, 5)]
        for p in ps: p.start()
        for p in ps: p.join()
        print(sorted(d.items()), sorted(l), len(l), 3 in l, d.get(2), d.keys() and sorted(d.keys()))
        l += [9]; print(l[-1], l.count(9), str(l) == repr(list(l)))
        del d[1]; print(len(d), 1 in d, dict(sorted(d.items())))
        v = m.Value('i', 5); v.value += 1; print(v.value)
        q = m.Queue(); q.put(3); print(q.get())
        lk = m.Lock()
        with lk: print('locked')
        try: d[99]
        except KeyError as e: print('KeyError', e)
    print('done', mp.active_children())
    m = mp.Manager()
    shared = m.list()
    keep = [(m.dict(), m.Namespace()) for i in range(3)]
    ps = [mp.Process(target=w, args=(keep[i][0], shared, keep[i][1], i)) for i in range(3)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print(sorted(shared), m._process.name, len(mp.active_children()))
    m.shutdown()
    print(mp.active_children())
