# traceback.print_stack / format_stack / extract_stack / walk_stack.
import sys
import traceback


def inner():
    traceback.print_stack(file=sys.stdout)
    print(traceback.format_stack(limit=1))
    print([f.name for f in traceback.extract_stack()])
    print([(f.name, f.line) for f in traceback.extract_stack(limit=2)])
    s = traceback.extract_stack()[-1]
    print(s.filename.endswith("mod_traceback_stack.py"), s.lineno, s.name, s.line)
    print([f.f_code.co_name for f, _ in traceback.walk_stack(sys._getframe())])
    deeper()


def deeper():
    names = []
    for f, _ in traceback.walk_stack(None):
        names.append(f.f_code.co_name)
    print(names)


def middle():
    x = inner()
    return x


def one():
    two()


def two():
    three()


def three():
    middle()


one()
fr = sys._getframe(); print(len(traceback.extract_stack(fr)), traceback.format_stack(fr)[0].split(",")[1])
print(traceback.format_list([("a.py", 1, "f", "x = 1"), ("b.py", 2, "g", None)]))
