# Tracebacks summarise runs of identical frames as CPython does ("[Previous line repeated N
# more times]"), in the default report and in the traceback module, with limits.
import sys, traceback
def g(n):
    if n == 0:
        raise ValueError("x")
    return g(n - 1)
for depth in (2, 3, 4, 5, 50):
    try:
        g(depth)
    except ValueError as e:
        traceback.print_exc(file=sys.stdout)
        print(''.join(traceback.format_tb(e.__traceback__, limit=-5)))
        print(''.join(traceback.format_tb(e.__traceback__, limit=4)))
        print(len(traceback.extract_tb(e.__traceback__)))
def h(n):
    return g(n) if n % 2 else h2(n)
def h2(n):
    return h(n - 1)
try:
    h(10)
except Exception:
    traceback.print_exc(file=sys.stdout)
sys.setrecursionlimit(100)
def f(n): return f(n+1)
f(0)
