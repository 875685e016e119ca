# Ctrl-C in a busy loop of calls: KeyboardInterrupt, traceback, death by SIGINT.
def step(n):
    return n + 1


print('ready', flush=True)
n = 0
while True:
    n = step(n)
