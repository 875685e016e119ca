x = 5
print(-x, +x, ~x, not x)
print(-(-x), ~~x, not not x)
print(-0, -0.0, +0.0, -(0.0))
print(~0, ~-1, ~2**70)
print(-True, +False, ~True)
print(- 2 ** 2, (- 2) ** 2)
try:
    -'a'
except TypeError as e:
    print('TypeError:', e)
