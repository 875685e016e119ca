# OSError(errno, strerror[, filename[, winerror, filename2]]) picks the errno's subclass.
for args in [(2, 'x'), (2, 'x', 'f'), (2,), (99999, 'x'), (13, 'Permission denied', 'a', 5, 'b'), (17, 'exists'), (21, 'isdir'), (20, 'notdir'), (1, 'perm'), (11, 'again'), (32, 'pipe'), (110, 'timeout'), (111, 'refused'), (104, 'reset'), (4, 'intr'), (3, 'srch'), (10, 'child'), (103, 'aborted'), (True, 'b'), ('2', 'x')]:
    e = OSError(*args)
    print(type(e).__name__, e, e.errno, e.strerror, e.filename, e.args)
class My(OSError): pass
print(type(My(2, 'x')).__name__, type(FileNotFoundError(13, 'y')).__name__, IOError is OSError)
try:
    raise OSError(2, 'No such file or directory', 'nofile')
except FileNotFoundError as e:
    print('caught', e)
try:
    open('/nonexistent/file')
except OSError as e:
    print(type(e).__name__, e.errno, e)
