d = {'list': [1, 2], 'dict': {'inner': (1, 'x')}, 'none': None, 1: 1.5, (1, 2): True}
print(d)
print(repr(d) == str(d))
d['self'] = d
print(d)
l = [1]
l.append(l)
print(l, [l, l])
nested = {'a': {'b': {'c': {'d': []}}}}
nested['a']['b']['c']['d'].append(nested['a'])
print(nested)
print({'quote': "it's", 'dq': 'say "hi"', 'nl': 'a\nb'})
