total = 1 + \
        2 + \
        3
print(total)
if total > 5 and \
   total < 10:
    print('between')
x = [1,
     2,
     3]
print(x)
def g(a,
      b):
    return a + b
print(g(
    1,
    2,
))
d = {
    'a': 1,
    'b': 2,
}
print(d)
