s = 'héllo wörld ☃'
print(s)
print(len(s))
print(s.upper())
print(s[1], s[-1])
print(ord('☃'), chr(9731))
print('日本語'[::-1])
print(s.encode('utf-8'))
print(repr('\u2603'), ascii('\u2603'))
