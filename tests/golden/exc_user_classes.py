# Exceptions are classes: custom __init__/__str__, raising classes or instances, matching
# subclasses, attributes, traceback.format_exc/print_exc.
import sys
class MyErr(Exception):
    def __init__(self, code, msg):
        super().__init__(code, msg)
        self.code = code
        self.msg = msg
    def __str__(self): return f"[{self.code}] {self.msg}"
class SubErr(MyErr): pass
try: raise SubErr(4, 'bad')
except MyErr as e: print(type(e).__name__, e, e.args, e.code, repr(e))
try: raise MyErr
except TypeError as e: print("TypeError:", e)
try: raise ValueError
except ValueError as e: print(repr(e), e.args)
class NoArgs(Exception): pass
print(repr(NoArgs()), str(NoArgs('a')), repr(NoArgs('a', 2)), str(NoArgs('a', 2)))
e = NoArgs('x'); e.extra = 5; print(e.extra, e.__dict__)
class WithKw(Exception):
    def __init__(self, a, b=2):
        self.a = a; self.b = b
w = WithKw(1, b=3); print(w.args, w.a, w.b, repr(w), str(w))
try: raise 5
except TypeError as e: print("TypeError:", e)
class NotExc: pass
try: raise NotExc
except TypeError as e: print("TypeError:", e)
try: raise NotExc()
except TypeError as e: print("TypeError:", e)
try:
    try: raise KeyError('k')
    except (IndexError, LookupError) as e: print('caught', repr(e)); raise
except KeyError as e: print('outer', e)
try:
    try: 1/0
    except NotExc: pass
except TypeError as e: print("TypeError:", e)
import traceback
def bad(): return 1 / 0
try: bad()
except ZeroDivisionError:
    s = traceback.format_exc()
    print(s.splitlines()[0], s.splitlines()[-1], len(s.splitlines()))
    traceback.print_exc(file=sys.stdout)
try: bad()
except ZeroDivisionError:
    traceback.print_exc()
print(traceback.format_exc())
