# golden: pyt
message = 'this string never ends
print(message)
