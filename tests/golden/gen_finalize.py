# Abandoned generators run their finally blocks when dropped (CPython closes them when
# collected), including at the end of a thread and of the program; exception state across yields.
import threading
def fin(tag):
    try:
        yield 1
        yield 2
    finally:
        print('fin', tag)
def use_in_func():
    g = fin('local')
    next(g)
    return 'returned'
print(use_in_func())
print('after func')
g = fin('rebind'); next(g); g = None
print('after rebind')
d = {'k': fin('dict')}; next(d['k']); d['k'] = 0
print('after dict')
l = [fin('list')]; next(l[0]); l.clear()
print('after clear')
try:
    for x in fin('exc'):
        raise ValueError('body')
except ValueError:
    print('handler')
def gen_with():
    class CM:
        def __enter__(s): return s
        def __exit__(s, *a): print('cm exit', a[0].__name__ if a[0] else None); return False
    with CM():
        yield 1
w = gen_with(); next(w); del w
print('after with')
def noblock():
    yield 1
    print('never')
n = noblock(); next(n); del n
def catches():
    try:
        yield 1
    except GeneratorExit:
        print('got GeneratorExit')
        raise
c = catches(); next(c); del c
def tw():
    t = fin('thread'); next(t)
    print('thread body done')
th = threading.Thread(target=tw); th.start(); th.join()
print('after thread')
def nested_fin():
    try:
        yield 1
    finally:
        inner = fin('inner'); next(inner)
        print('outer fin')
nf = nested_fin(); next(nf); del nf
print('after nested')
def chain():
    try:
        raise KeyError('k')
    except KeyError:
        yield 1
        raise ValueError('v')
ch = chain(); next(ch)
try: next(ch)
except ValueError as e: print(repr(e), repr(e.__context__))
import sys
def excinfo():
    try:
        raise KeyError('x')
    except KeyError:
        yield sys.exc_info()[0]
        yield sys.exc_info()[0]
    yield sys.exc_info()[0]
ei = excinfo(); print(next(ei)); print(next(ei)); print(next(ei))
try:
    raise IndexError
except IndexError:
    def see(): yield sys.exc_info()[0]
    print(next(see()))
g_end = fin('at exit'); next(g_end)
print('end of main')
