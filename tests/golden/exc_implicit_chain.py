def parse(s):
    try:
        return int(s)
    except ValueError:
        raise RuntimeError('could not parse ' + repr(s))
print(parse('12'))
parse('twelve')
