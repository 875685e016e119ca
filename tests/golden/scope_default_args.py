counter = 0
def next_id():
    global counter
    counter += 1
    return counter
def f(x=next_id()):
    return x
print(f(), f(), f(100), counter)
base = 10
def g(v=base):
    return v
base = 20
print(g())
def h(items=[]):
    items.append(len(items))
    return items
print(h(), h(), h([]))
print(h.__defaults__)
