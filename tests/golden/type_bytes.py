b = b'hello'
print(b, len(b), b[0], b[-1], b[1:3], list(b[:2]))
print(b.decode(), b'caf\xc3\xa9'.decode('utf-8'), 'café'.encode())
print(bytes([65, 66, 67]), bytes(3), bytes('xyz', 'ascii'))
print(b'a' + b'b', b'ab' * 2, b'ell' in b, 101 in b)
print(b.upper(), b.replace(b'l', b'L'), b.split(b'l'), b'-'.join([b'a', b'b']))
print(b.find(b'l'), b.count(b'l'), b.startswith(b'he'), b.hex())
print(repr(b'\x00\x7f\x80\xff'), repr(b"'"), repr(b'"\''))
print(b == b'hello', b < b'help', bytes(b) is b or True)
try:
    b'\xff'.decode('utf-8')
except UnicodeDecodeError as e:
    print('UnicodeDecodeError:', e)
