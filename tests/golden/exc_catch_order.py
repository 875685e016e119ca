def kind(exc):
    try:
        raise exc
    except ZeroDivisionError:
        return 'zero-division'
    except ArithmeticError:
        return 'arithmetic'
    except (KeyError, IndexError) as e:
        return 'lookup ' + type(e).__name__
    except Exception as e:
        return 'generic ' + type(e).__name__
for exc in [ZeroDivisionError(), OverflowError(), KeyError(), IndexError(), ValueError(), RuntimeError('r')]:
    print(kind(exc))
try:
    try:
        raise ValueError('v')
    finally:
        print('inner finally')
except ValueError as e:
    print('outer caught', e)
