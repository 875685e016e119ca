try:
    raise Exception('plain')
except Exception as e:
    print(type(e).__name__, e)
print(BaseException('a', 'b').args)
print(str(Exception()), str(Exception('x')), str(Exception('x', 'y')))
raise RuntimeError
