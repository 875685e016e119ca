print(__name__)
print(__file__.split('/')[-1])
if __name__ == '__main__':
    print('running as main')
def f():
    return __name__
print(f())
print(type(__builtins__).__name__ in ('module', 'dict'))
