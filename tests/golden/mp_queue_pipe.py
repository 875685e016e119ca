# multiprocessing.Queue and Pipe between processes: blocking, timeouts, Empty/Full,
# EOFError at the closed end, and the inheritance-only rule.
import multiprocessing as mp
import queue


def producer(q, start, n):
    for i in range(start, start + n):
        q.put(i)


def squarer(inq, outq):
    while True:
        x = inq.get()
        if x is None:
            break
        outq.put((x, x * x))


def pipe_child(conn):
    conn.send(['Hello', None, 'World'])
    conn.send(('child got', conn.recv()))
    conn.send_bytes(b'raw bytes')
    conn.close()


def writer_only(w):
    w.send('one way')
    w.close()


if __name__ == '__main__':
    mp.set_start_method('spawn')
    q = mp.Queue()
    ps = [mp.Process(target=producer, args=(q, k * 100, 50)) for k in range(4)]
    for p in ps:
        p.start()
    got = sorted(q.get() for _ in range(200))
    for p in ps:
        p.join()
    print(len(got), got == sorted(k * 100 + i for k in range(4) for i in range(50)))
    try:
        q.get(timeout=0.1)
    except queue.Empty:
        print('Empty after timeout')
    try:
        q.get_nowait()
    except queue.Empty:
        print('Empty at once')
    small = mp.Queue(2)
    small.put(1)
    small.put(2)
    try:
        small.put(3, timeout=0.1)
    except queue.Full:
        print('Full after timeout')
    try:
        small.put_nowait(3)
    except queue.Full:
        print('Full at once')
    print(small.get(), small.get(), small.empty())
    inq, outq = mp.Queue(), mp.Queue()
    workers = [mp.Process(target=squarer, args=(inq, outq)) for _ in range(3)]
    for w in workers:
        w.start()
    for x in range(20):
        inq.put(x)
    for _ in workers:
        inq.put(None)
    print(sorted(outq.get() for _ in range(20))[-3:])
    for w in workers:
        w.join()
    print([w.exitcode for w in workers])

    parent_conn, child_conn = mp.Pipe()
    p = mp.Process(target=pipe_child, args=(child_conn,))
    p.start()
    child_conn.close()
    print(parent_conn.recv())
    parent_conn.send({'reply': (1, 2)})
    print(parent_conn.recv())
    print(parent_conn.recv_bytes())
    p.join()
    print(parent_conn.poll(), parent_conn.poll(0.05))
    try:
        parent_conn.recv()
    except EOFError:
        print('EOFError')
    parent_conn.close()
    try:
        parent_conn.recv()
    except OSError as e:
        print('OSError', e)
    r, w = mp.Pipe(duplex=False)
    p = mp.Process(target=writer_only, args=(w,))
    p.start()
    w.close()
    print(r.poll(None), r.recv())
    p.join()
    try:
        r.send(1)
    except OSError as e:
        print('OSError', e)
    a, b = mp.Pipe()
    a.send(list(range(5)))
    print(b.poll(), b.recv(), b.poll())
    with a, b:
        pass
    print(a.closed, b.closed)
