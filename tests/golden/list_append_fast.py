# `xs.append(x)` keeps every meaning of a method call: list subclasses with their own
# append, a rebound name, append called through the class, on a non-list, and its errors.
class Logged(list):
    def append(self, x):
        print('append', x)
        super().append(x * 10)


class Plain(list):
    pass


xs, lg, pl = [], Logged(), Plain()
for i in range(3):
    xs.append(i)
    lg.append(i)
    pl.append(i)
print(xs, lg, pl)
app = xs.append
app('bound')
list.append(xs, 'via class')
print(xs)
try:
    xs.append()
except TypeError as e:
    print('TypeError', e)
try:
    xs.append(1, 2)
except TypeError as e:
    print('TypeError', e)


class NotAList:
    def append(self, x):
        return ('mine', x)


for obj in [NotAList(), [0]]:
    print(obj.append(5), obj if isinstance(obj, list) else '')
xs.append(xs)
print(xs)
