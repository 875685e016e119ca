a, b = 2, 3
s = f'''sum: {a + b}
product: {a * b}'''
print(s)
t = (f'{a}'
     f'-{b}')
print(t)
msg = f"""{
    a
    +
    b
}"""
print(msg)
