# Generators: send/throw/close, return values via StopIteration, yield from, lazy generator
# expressions, finally on close/exhaustion/abandonment, the errors of misuse.
def g():
    try:
        x = yield 1
        print('got', x)
        y = yield 2
        print('got', y)
        return 'ret'
    finally:
        print('finally')
it = g()
print(next(it), it.send('a'))
try: it.send('b')
except StopIteration as e: print('stop', e.value, e.args)
try: next(it)
except StopIteration as e: print('stop again', e.value)
it = g()
try: it.send(5)
except TypeError as e: print("TypeError:", e)
print(it.send(None))
it.close(); it.close()
try: next(it)
except StopIteration: print('closed stop')
it = g(); print(next(it))
try: it.throw(ValueError('v'))
except ValueError as e: print('propagated', e)
it = g()
try: it.throw(KeyError('k'))
except KeyError as e: print('fresh throw', repr(e))
print(list(it))
def catcher():
    while True:
        try:
            yield 'waiting'
        except ValueError as e:
            print('caught', e)
            yield 'after'
c = catcher(); next(c); print(c.throw(ValueError('x'))); print(next(c))
print(c.throw(ValueError, 'y'))
try: c.throw(ValueError)
except ValueError as e: print('ctx', repr(e.__context__))
def ignore_close():
    try: yield 1
    except GeneratorExit: yield 2
ic = ignore_close(); next(ic)
try: ic.close()
except RuntimeError as e: print("RuntimeError:", e)
def close_ret():
    try: yield 1
    except GeneratorExit: return 5
cr = close_ret(); next(cr); print(cr.close())
def sub():
    r = yield 'a'
    print('sub got', r)
    yield 'b'
    return 'subret'
def outer():
    v = yield from sub()
    print('outer got', v)
    yield 'c'
o = outer(); print(next(o), o.send('S'), next(o))
try: next(o)
except StopIteration: print('done')
def yf_throw():
    try:
        yield from sub()
    except KeyError as e: print('outer caught', e); yield 'k'
y = yf_throw(); next(y); print(y.throw(KeyError('kk')))
def yf_list(): yield from [1, 2]; yield from range(2); return 9
print(list(yf_list()))
def genexp_lazy():
    print('start')
    for i in range(3):
        print('produce', i); yield i
ge = (x * 10 for x in genexp_lazy())
print('created')
print(next(ge)); print(list(ge))
try: (1 for x in 5)
except TypeError as e: print("TypeError:", e)
def stopiter_inside():
    yield 1
    raise StopIteration('oops')
try: list(stopiter_inside())
except RuntimeError as e: print("RuntimeError:", e, repr(e.__cause__))
def rec():
    yield next(r)
r = rec()
try: next(r)
except ValueError as e: print("ValueError:", e)
print(type(g()).__name__, repr(g())[:26], g.__name__)
gg = g(); print(gg.gi_running)
def early():
    return 5
    yield
try: next(early())
except StopIteration as e: print('early', e.value)
x = g(); next(x); del x
print('after del')
def fin():
    try:
        yield 1
        yield 2
    finally:
        print('fin ran')
for v in fin():
    print(v); break
print('after break')
def gen_close_exc():
    try: yield 1
    finally: raise KeyError('in finally')
gce = gen_close_exc(); next(gce)
try: gce.close()
except KeyError as e: print('close raised', e)
def thr():
    yield 1
t = thr()
try: t.throw(TypeError)
except TypeError: print('thrown on fresh')
try: next(t)
except StopIteration: print('fresh throw closed it')
try: t.throw(1)
except TypeError as e: print("TypeError:", e)
