# 8 processes pass 100000 items through one multiprocessing.Queue: 4 producers put disjoint
# ranges, 4 consumers take exactly a quarter each; no item is lost or duplicated.
import multiprocessing as mp

N = 100000
PRODUCERS = 4
CONSUMERS = 4


def produce(q, k):
    for i in range(k, N, PRODUCERS):
        q.put(i)


def consume(q, out, n):
    got = [q.get() for _ in range(n)]
    out.put(got)


if __name__ == '__main__':
    q = mp.Queue()
    out = mp.Queue()
    ps = [mp.Process(target=produce, args=(q, k)) for k in range(PRODUCERS)]
    ps += [mp.Process(target=consume, args=(q, out, N // CONSUMERS)) for _ in range(CONSUMERS)]
    for p in ps:
        p.start()
    seen = []
    for _ in range(CONSUMERS):
        seen.extend(out.get())
    for p in ps:
        p.join()
    assert sorted(seen) == list(range(N)), 'items lost or duplicated'
    assert [p.exitcode for p in ps] == [0] * len(ps), [p.exitcode for p in ps]
    assert mp.active_children() == []
    print("ok")
