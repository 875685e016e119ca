# Subclassing builtin types: dict with __missing__, list, str, int.
class MyDict(dict):
    def __missing__(self, k): return k * 2
md = MyDict(a=1); print(md['a'], md['b'], md, isinstance(md, dict), len(md))
class MyList(list):
    def push(self, x): self.append(x)
ml = MyList([1]); ml.push(2); print(ml, ml[0], len(ml), type(ml).__name__, ml + [3], type(ml + [3]).__name__)
try: hash(ml)
except TypeError as e: print("TypeError:", e)
class MyStr(str):
    def shout(self): return self.upper() + '!'
print(MyStr('hi').shout(), MyStr('a') + 'b', repr(MyStr('q')), MyStr('x') == 'x', hash(MyStr('x')) == hash('x'))
class MyInt(int):
    def __repr__(self): return f'MyInt({int(self)})'
print(MyInt(5) + 1, MyInt(5), [MyInt(3)], MyInt('7'), MyInt(2) * 3)
