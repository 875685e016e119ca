import traceback
import sys

def inner(x):
    return 10 / x

def outer():
    return inner(0)

try:
    outer()
except ZeroDivisionError:
    text = traceback.format_exc()
    print(text, end="")
    traceback.print_exc(file=sys.stdout)
    e = sys.exc_info()[1]
    for fs in traceback.extract_tb(e.__traceback__):
        print(fs.filename, fs.lineno, fs.name, repr(fs.line))
    print(len(traceback.format_tb(e.__traceback__)))
    print(traceback.format_exception_only(e))

try:
    try:
        {}["k"]
    except KeyError as e:
        raise ValueError("wrapped") from e
except ValueError as e:
    print("".join(traceback.format_exception(e)), end="")
    traceback.print_exception(e, file=sys.stdout, chain=False)
    print(traceback.format_exception(type(e), e, e.__traceback__, limit=1))
print(repr(traceback.format_exc()))
