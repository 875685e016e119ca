import sys
n = sys.stdout.write('written without newline')
sys.stdout.write('\n')
print(n)
sys.stderr.write('to stderr\n')
sys.stdout.write('a' + 'b' + '\n')
sys.stdout.flush()
print('print after write')
sys.stderr.write('second stderr line\n')
