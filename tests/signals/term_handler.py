# Note 003's pattern: a SIGTERM handler that saves and exits; the test sends SIGTERM.
import signal
import sys
import time


def save_data(signum, frame):
    print('saving data before exit, signal', signal.Signals(signum).name, flush=True)
    sys.exit(0)


signal.signal(signal.SIGTERM, save_data)
print('ready', flush=True)
try:
    while True:
        time.sleep(0.1)
finally:
    print('finally runs', flush=True)
