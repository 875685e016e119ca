pairs = [
    (ZeroDivisionError, ArithmeticError), (OverflowError, ArithmeticError),
    (ArithmeticError, Exception), (KeyError, LookupError), (IndexError, LookupError),
    (LookupError, Exception), (UnboundLocalError, NameError), (NameError, Exception),
    (RecursionError, RuntimeError), (NotImplementedError, RuntimeError),
    (ModuleNotFoundError, ImportError), (StopIteration, Exception),
    (Exception, BaseException), (KeyboardInterrupt, BaseException),
    (KeyboardInterrupt, Exception), (SystemExit, Exception), (GeneratorExit, Exception),
    (TypeError, ValueError), (UnicodeDecodeError, ValueError), (AssertionError, Exception),
    (AttributeError, Exception), (FileNotFoundError, OSError), (TimeoutError, OSError),
    (IndentationError, SyntaxError), (TabError, IndentationError), (EOFError, Exception),
]
for sub, sup in pairs:
    print(f'{sub.__name__:20} subclass of {sup.__name__:16} {issubclass(sub, sup)}')
print(ZeroDivisionError.__mro__)
print(KeyError.__bases__, BaseException.__bases__)
