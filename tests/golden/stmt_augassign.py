x = 10
x += 5; print('+=', x)
x -= 3; print('-=', x)
x *= 4; print('*=', x)
x /= 3; print('/=', x)
x = 17
x //= 5; print('//=', x)
x %= 2; print('%=', x)
x = 3
x **= 4; print('**=', x)
x >>= 2; print('>>=', x)
x <<= 3; print('<<=', x)
x &= 0b1110; print('&=', x)
x |= 0b0001; print('|=', x)
x ^= 0b1111; print('^=', x)
s = 'ab'
s += 'cd'; s *= 2
print(s)
l = [1]
alias = l
l += [2]
l *= 2
print(l, alias, l is alias)
t = (1,)
talias = t
t += (2,)
print(t, talias)
d = {'n': 1}
d['n'] += 10
print(d)
xs = [1, 2, 3]
xs[-1] *= 100
print(xs)
