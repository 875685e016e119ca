def f():
    pass
class C:
    pass
for _ in range(2):
    pass
while False:
    pass
if True:
    pass
else:
    pass
try:
    pass
except Exception:
    pass
print(f(), 'all passes ok')
def g():
    '''only a docstring'''
print(g(), g.__doc__)
