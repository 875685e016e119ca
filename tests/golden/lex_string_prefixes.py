print(r'a\nb', R"a\tb")
print(b'bytes', B"BYTES")
x = 5
print(f'x={x}', F"x={x}")
print(rb'\x00raw', Rb'\n', rB'\t', BR'\\', bR'ok', br'ok2')
print(fr'{x}\n', Fr'{x}\t', fR'{x}\\', FR'{x}', rf'{x}\n', Rf'{x}', rF'{x}', RF'{x}')
print(r"\"quoted\"", r'\'')
print(type(b''), type(r''), type(f''))
print(u'unicode prefix', U'also')
