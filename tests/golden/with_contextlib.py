# contextlib: contextmanager (throw at the yield, suppression, yielding twice), suppress,
# nullcontext, closing, ExitStack (callback order, suppression, pop_all, push).
import contextlib
class CM:
    def __init__(self, name, suppress=False, ret=None): self.name = name; self.suppress = suppress; self.ret = ret
    def __enter__(self):
        print('enter', self.name); return self.ret if self.ret is not None else self
    def __exit__(self, t, v, tb):
        print('exit', self.name, t.__name__ if t else None, repr(v), tb is not None)
        return self.suppress
@contextlib.contextmanager
def cmgen(n):
    print('setup', n)
    try:
        yield n * 2
    except ValueError as e:
        print('gen caught', e)
    finally:
        print('teardown', n)
with cmgen(1) as v: print('v', v)
with cmgen(2): raise ValueError('swallowed')
print('after swallowed')
try:
    with cmgen(3): raise KeyError('kk')
except KeyError as e: print('propagated', e)
@contextlib.contextmanager
def twice():
    yield 1
    yield 2
try:
    with twice(): pass
except RuntimeError as e: print("RuntimeError:", e)
@contextlib.contextmanager
def noyield():
    if False: yield
try:
    with noyield(): pass
except RuntimeError as e: print("RuntimeError:", e)
@contextlib.contextmanager
def reraise():
    try: yield
    except Exception: print('re-raising'); raise
try:
    with reraise(): raise IndexError('ie')
except IndexError as e: print('IndexError', e)
@contextlib.contextmanager
def newexc():
    try: yield
    except Exception as e: raise TypeError('new') from e
try:
    with newexc(): raise IndexError('ie')
except TypeError as e: print('TypeError', e, repr(e.__cause__))
@contextlib.contextmanager
def stopit():
    yield
try:
    with stopit(): raise StopIteration('si')
except StopIteration as e: print('StopIteration', e)
@contextlib.contextmanager
def twice_exc():
    try: yield
    except: pass
    yield
try:
    with twice_exc(): raise ValueError
except RuntimeError as e: print("RuntimeError:", e)
with contextlib.suppress(KeyError, IndexError):
    {}['x']
print('suppressed')
try:
    with contextlib.suppress(KeyError): [][1]
except IndexError: print('not suppressed')
with contextlib.nullcontext(5) as n: print(n)
with contextlib.nullcontext() as n: print(n)
class Res:
    def close(self): print('closed')
with contextlib.closing(Res()) as r: print(type(r).__name__)
with contextlib.ExitStack() as st:
    st.callback(print, 'cb1')
    st.callback(print, 'cb2', end='!\n')
    a = st.enter_context(CM('es1'))
    b = st.enter_context(CM('es2'))
    print('body', a.name, b.name)
with contextlib.ExitStack() as st:
    st.enter_context(CM('sup', suppress=True))
    st.enter_context(CM('inner'))
    raise ValueError('es')
print('es suppressed')
with contextlib.ExitStack() as st:
    st.callback(lambda: print('never'))
    st2 = st.pop_all()
print('popped')
st2.close()
try:
    with contextlib.ExitStack() as st:
        def bad(): raise KeyError('cb')
        st.callback(bad)
        st.callback(print, 'first')
        raise ValueError('body')
except KeyError as e: print('KeyError', e, repr(e.__context__))
with contextlib.ExitStack() as st:
    @st.push
    def ex(t, v, tb):
        print('push exit', t)
        return True
    raise NameError('n')
print('end')
