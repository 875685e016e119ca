# golden: pyt
def greet(name)
    print('hello', name)
