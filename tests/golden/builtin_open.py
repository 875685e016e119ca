import os
path = 'builtin_open.tmp'
with open(path, 'w') as f:
    print(f.write('first\n'), f.closed)
    f.writelines(['second\n', 'third'])
print(f.closed)
with open(path, 'a') as f:
    f.write('\nfourth\n')
with open(path) as f:
    print(repr(f.readline()))
    print([line.rstrip() for line in f])
with open(path) as f:
    print(f.read(5), repr(f.read()))
with open(path, 'rb') as f:
    print(f.read()[:6])
try:
    f.read()
except ValueError as e:
    print('ValueError:', e)
try:
    open('no/such/dir/x.txt')
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e)
try:
    open(path, 'q')
except ValueError as e:
    print('ValueError:', e)
os.remove(path)
print(os.path.exists(path))
