import time
print('slowmod body runs')
time.sleep(0.2)
VALUE = 7
