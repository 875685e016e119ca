print('quitting with 4')
quit(4)
print('never')
