import sys
try:
    sys.exit(5)
except SystemExit as e:
    print('caught SystemExit', e.code, repr(e))
try:
    sys.exit()
except SystemExit as e:
    print('no arg ->', e.code)
try:
    sys.exit('msg')
except SystemExit as e:
    print('string ->', e.code)
try:
    raise SystemExit(7)
except SystemExit as e:
    print('raised ->', e.code)
print(issubclass(SystemExit, Exception), issubclass(SystemExit, BaseException))
try:
    sys.exit(2)
finally:
    print('finally runs on sys.exit')
