x = '\ud800'
print(len(x))
