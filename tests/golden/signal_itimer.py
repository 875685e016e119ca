# setitimer/getitimer and signal.ItimerError; a repeating ITIMER_REAL drives a SIGALRM handler.
import signal, time
print(signal.ItimerError, signal.ItimerError.__mro__)
print(signal.setitimer(signal.ITIMER_REAL, 0.5, 0.25))
d, i = signal.getitimer(signal.ITIMER_REAL); print(0.4 < d <= 0.5, i)
old = signal.setitimer(signal.ITIMER_REAL, 0)
print(0.4 < old[0] <= 0.5, old[1])
print(signal.getitimer(signal.ITIMER_REAL))
for a in [(5, 1), (0, -1), ('x', 1)]:
    try: signal.setitimer(*a)
    except Exception as e: print(type(e).__name__, e, isinstance(e, OSError))
try: signal.getitimer(7)
except signal.ItimerError as e: print(type(e).__name__, e, e.errno)
ticks = []
signal.signal(signal.SIGALRM, lambda s, f: ticks.append(s))
signal.setitimer(signal.ITIMER_REAL, 0.1, 0.1)
time.sleep(0.55)
signal.setitimer(signal.ITIMER_REAL, 0)
print(2 <= len(ticks) <= 6, set(ticks))
