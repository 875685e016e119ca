def greet(name):
    prnt('hello', name)
greet('bob')
