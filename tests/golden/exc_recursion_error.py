import sys
def forever(n):
    return forever(n + 1)
try:
    forever(0)
except RecursionError as e:
    print('caught RecursionError:', e)
def countdown(n):
    return n if n == 0 else countdown(n - 1)
print('still works:', countdown(100))
try:
    forever(0)
except RecursionError:
    print('caught again')
print(sys.getrecursionlimit())
