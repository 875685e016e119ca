# Pool(processes): map, apply, starmap, apply_async with callbacks in the parent, imap, close/join, context manager.
import multiprocessing as mp
def sq(x): return x * x
def add(a, b): return a + b
def bad(x): raise ValueError('bad %d' % x)
def cb(v): print('cb', v)
if __name__ == '__main__':
    mp.set_start_method('spawn')
    with mp.Pool(3) as p:
        print(p.map(sq, range(10)))
        print(p.apply(add, (2, 3)))
        print(p.starmap(add, [(1, 2), (3, 4)]))
        r = p.apply_async(sq, (7,), callback=cb); r.wait(); print(r.get(), r.successful())
        r = p.apply_async(bad, (1,), error_callback=lambda e: print('err', repr(e)))
        try: r.get()
        except ValueError as e: print('raised', e)
        print(list(p.imap(sq, [1, 2, 3])), sorted(p.imap_unordered(sq, [4, 5])))
        try: p.map(lambda x: x, [1])
        except Exception as e: print(type(e).__name__)
    print(mp.active_children())
    p = mp.Pool(2); print(p.map(sq, [3])); p.close(); p.join(); print(p)
