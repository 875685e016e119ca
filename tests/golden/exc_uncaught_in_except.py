try:
    {}['a']
except KeyError:
    print('handling KeyError')
    undefined_name_here
