value = 3
print(value)
print(undefined_variable_xyz)
