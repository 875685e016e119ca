class AppError(Exception):
    pass
class NotFound(AppError):
    pass
try:
    raise NotFound('item 7')
except AppError as e:
    print(type(e).__name__, e, isinstance(e, Exception), e.args)
def check(v):
    if v < 0:
        raise AppError('negative', v)
    return v
print(check(3))
check(-1)
