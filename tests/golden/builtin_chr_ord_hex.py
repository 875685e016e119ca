print(chr(65), chr(97), chr(0x3bb), chr(128512), repr(chr(0)), repr(chr(10)))
print(ord('A'), ord('z'), ord('λ'), ord('\n'), ord(chr(1000)))
print(hex(255), hex(0), hex(-1), hex(2 ** 64), oct(8), oct(-64), bin(10), bin(0), bin(-3))
print(int(hex(12345), 16), int(bin(77), 2), int(oct(99), 8))
try:
    ord('ab')
except TypeError as e:
    print('TypeError:', e)
try:
    chr(-1)
except ValueError as e:
    print('ValueError:', e)
try:
    hex(1.5)
except TypeError as e:
    print('TypeError:', e)
