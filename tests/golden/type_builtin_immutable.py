for cls in (int, str, list, dict):
    try:
        cls.extra = 1
    except TypeError as e:
        print(e)
try:
    del list.append
except TypeError as e:
    print(e)
class Mine:
    pass
Mine.extra = 1
print(Mine.extra, hasattr(list, 'extra'))
