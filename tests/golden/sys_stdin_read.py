import sys
first = sys.stdin.readline()
print(repr(first))
rest = sys.stdin.read()
print(repr(rest))
print(len(rest.splitlines()))
for line in rest.splitlines():
    print(line.upper())
