s = 'hello'
for ch in s:
    print(ch, ord(ch), end='; ')
print()
for i, ch in enumerate(s):
    if ch == 'l':
        print('l at', i)
print(list(reversed(s)), ''.join(sorted(s)), s[::-1] == 'olleh')
print('apple' < 'banana', 'Apple' < 'apple', 'a' * 3 == 'aaa', 'abc' == 'ab' + 'c')
print(max(['pear', 'apple', 'zoo']), min('zebra'), sorted(['b', 'A', 'a', 'B']))
words = 'the rain in spain'.split()
print([w for w in words if 'ain' in w], [w[0] for w in words])
