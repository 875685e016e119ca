import sys
print('stdout line')
exit('fatal: message goes to stderr')
