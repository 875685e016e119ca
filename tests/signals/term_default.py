# No handler (and SIG_DFL restored after one): SIGTERM kills the process with the signal.
import signal
import sys
import time

if len(sys.argv) > 1:
    signal.signal(signal.SIGTERM, lambda s, f: print('not this one'))
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
print('ready', flush=True)
try:
    time.sleep(30)
finally:
    print('finally does not run', flush=True)
