xs = list(range(10))
print(xs[2:5], xs[:3], xs[7:], xs[:], xs[-3:], xs[:-7])
print(xs[::2], xs[1::2], xs[::-1], xs[::-3])
print(xs[8:2:-2], xs[2:8:-1], xs[-1:-4:-1])
print(xs[100:], xs[-100:2], xs[5:1], xs[3:3])
s = 'hello world'
print(s[:5], s[6:], s[::-1], s[::3], s[-5:])
print((1, 2, 3, 4)[1:3], (1, 2, 3)[::-1])
print(xs[slice(1, 4)], xs[slice(None, None, 3)])
i, j = 2, 6
print(xs[i:j], xs[i:j:2], s[i:-i])
print(b'bytes'[1:3], range(10)[2:8:3])
