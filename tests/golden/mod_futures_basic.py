# concurrent.futures: submit/result/exception, cancel, wait, as_completed, map, callbacks,
# shutdown(cancel_futures), errors, and work still queued at exit runs before the exit.
import concurrent.futures as cf, time
ex=cf.ThreadPoolExecutor(2)
f=ex.submit(time.sleep,0.1); print(repr(f)[:10]); f.result(); print(repr(f)[-30:])
g=ex.submit(lambda: 1/0);
try: g.result()
except ZeroDivisionError as e: print('zde', repr(g)[-40:], repr(g.exception()))
f=cf.Future(); f.cancel(); print(repr(f)[-16:], f.cancelled())
try: f.result()
except cf.CancelledError as e: print(repr(e), cf.CancelledError.__mro__)
try: cf.Future().result(timeout=0.01)
except TimeoutError as e: print(repr(e))
print(cf.InvalidStateError.__mro__, cf.BrokenExecutor.__mro__)
ex.shutdown()
try: ex.submit(abs,1)
except RuntimeError as e: print(e)
import concurrent.futures.thread as t; print(t.BrokenThreadPool.__mro__)
print(cf.wait([], timeout=0))
try: cf.ThreadPoolExecutor(0)
except ValueError as e: print(e)
with cf.ThreadPoolExecutor(4) as ex:
    fs = [ex.submit(pow, 2, i) for i in range(10)]
    print(sorted(f.result() for f in cf.as_completed(fs)))
    d, nd = cf.wait(fs, return_when=cf.FIRST_COMPLETED); print(len(d) >= 1)
    ev = __import__('threading').Event()
    slow = ex.submit(ev.wait)
    bad = ex.submit(lambda: 1/0)
    d, nd = cf.wait([slow, bad], return_when=cf.FIRST_EXCEPTION)
    print(bad in d, slow in nd)
    d, nd = cf.wait([slow], timeout=0.01); print(len(d), len(nd))
    try:
        for x in cf.as_completed([slow], timeout=0.01): pass
    except TimeoutError as e: print('TimeoutError:', e)
    ev.set()
    print(list(ex.map(lambda a, b: a * b, range(5), range(5))))
    got = []
    ff = ex.submit(abs, -3); ff.add_done_callback(lambda f: got.append(f.result())); ff.result()
    time.sleep(0.05); print(got)
    ff.add_done_callback(lambda f: got.append('late')); print(got)
    print(ff.done(), ff.running(), ff.cancel())
ex2 = cf.ThreadPoolExecutor(1)
ex2.submit(time.sleep, 0.2)
late = [ex2.submit(abs, -i) for i in range(3)]
ex2.shutdown(wait=True, cancel_futures=True)
print([f.cancelled() for f in late])
ex3 = cf.ThreadPoolExecutor(1)
fs3 = [ex3.submit(time.sleep, 0.01) for _ in range(3)]
fs3.append(ex3.submit(print, 'ran at exit'))
