# The signal module's names: the Signals/Handlers enums, getsignal, argument errors.
import signal
import threading

print(signal.SIGTERM, repr(signal.SIGTERM), str(signal.SIGTERM), f'{signal.SIGTERM}')
print(int(signal.SIGTERM) == 15, signal.Signals(15).name, signal.Signals(15).value)
print(signal.Signals['SIGINT'], repr(signal.Signals['SIGUSR1']), signal.Signals.SIGHUP.name)
print(type(signal.SIGTERM), signal.Signals, signal.Handlers, signal.Sigmasks)
print(repr(signal.SIG_DFL), repr(signal.SIG_IGN), signal.SIG_DFL == 0, signal.SIG_IGN == 1)
print(signal.SIGCLD is signal.SIGCHLD, repr(signal.SIGIOT), repr(signal.SIGPOLL))
print(len(signal.Signals), list(signal.Signals)[:4], list(signal.Handlers))
print(repr(signal.SIGRTMIN), repr(signal.SIGRTMAX), signal.NSIG)
print(signal.SIGTERM + 1, {signal.SIGTERM: 'x'}[15], '%d' % signal.SIGTERM, '[{:>4}]'.format(signal.SIGTERM))
print(signal.SIGINT in signal.Signals, isinstance(signal.SIGINT, int))
print(len(signal.valid_signals()), sorted(signal.valid_signals())[:3], 40 in signal.valid_signals())
print(signal.strsignal(signal.SIGTERM), signal.strsignal(2), signal.strsignal(signal.SIGRTMIN), signal.strsignal(40))
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler, signal.default_int_handler)
print(repr(signal.getsignal(signal.SIGTERM)), repr(signal.getsignal(signal.SIGPIPE)), repr(signal.getsignal(signal.SIGUSR1)))
print(signal.ITIMER_REAL, signal.ITIMER_VIRTUAL, signal.ITIMER_PROF, repr(signal.SIG_BLOCK))

for bad in (99, 'SIGTERM', None):
    try:
        signal.Signals(bad)
    except ValueError as e:
        print('ValueError', e)


def h(signum, frame):
    print('handler', signum)


for args in [(100, h), (0, h), (-1, h), (9, h), (19, h), (2, 5), ('x', h), (2, None), (signal.SIGUSR2, 'h')]:
    try:
        print(repr(signal.signal(*args)))
    except Exception as e:
        print(type(e).__name__, e)
for a in [100, 0, 'x']:
    try:
        print(signal.getsignal(a))
    except Exception as e:
        print(type(e).__name__, e)
for a in [(100,), ('x',), ()]:
    try:
        print(signal.raise_signal(*a))
    except Exception as e:
        print(type(e).__name__, e)
for a in [('x',), (1.5,), ()]:
    try:
        print(signal.alarm(*a))
    except Exception as e:
        print(type(e).__name__, e)
try:
    signal.default_int_handler()
except BaseException as e:
    print(type(e).__name__, repr(e))
try:
    signal.default_int_handler(2, None)
except BaseException as e:
    print(type(e).__name__, repr(e))

# signal() returns the previous handler; float and bool signal numbers go through int()
print(repr(signal.signal(signal.SIGUSR1, signal.SIG_IGN)))
print(repr(signal.signal(signal.SIGUSR1, signal.SIG_DFL)))
print(repr(signal.signal(10.0, h)))
print(signal.signal(signal.SIGUSR1, 0) is h, repr(signal.getsignal(signal.SIGUSR1)))
print(repr(signal.signal(signal.SIGUSR1, True)))
print(repr(signal.getsignal(signal.SIGUSR1)))
print(signal.alarm(5), signal.alarm(0))


def other_thread():
    try:
        signal.signal(signal.SIGUSR1, h)
    except ValueError as e:
        print('thread:', e)
    print('thread getsignal:', repr(signal.getsignal(signal.SIGUSR1)))
    print('thread alarm:', signal.alarm(0))


t = threading.Thread(target=other_thread)
t.start()
t.join()
