print('single')
print("double")
print('''triple single
spans lines''')
print("""triple double
  keeps "quotes" and 'quotes'""")
print('it\'s', "say \"hi\"")
print("it's", 'say "hi"')
print('''a 'b' "c" ''' + """d 'e' "f" """)
print(len(''), len(""), len(''''''), len(""""""))
print(repr('a'), repr("a'b"), repr('a"b'), repr('a\'b"c'))
