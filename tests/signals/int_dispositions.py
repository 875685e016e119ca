# SIGINT set to SIG_DFL kills the process with the signal; SIG_IGN ignores Ctrl-C.
import signal, sys, time
signal.signal(signal.SIGINT, signal.SIG_DFL if sys.argv[1] == 'dfl' else signal.SIG_IGN)
print('ready', flush=True)
time.sleep(1)
print('end')
