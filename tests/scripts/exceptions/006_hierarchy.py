pairs = [
    (ZeroDivisionError, ArithmeticError), (OverflowError, ArithmeticError),
    (ArithmeticError, Exception), (KeyError, LookupError), (IndexError, LookupError),
    (LookupError, Exception), (ValueError, Exception), (UnicodeDecodeError, ValueError),
    (TypeError, Exception), (NameError, Exception), (UnboundLocalError, NameError),
    (AttributeError, Exception), (RuntimeError, Exception), (RecursionError, RuntimeError),
    (NotImplementedError, RuntimeError), (StopIteration, Exception),
    (StopAsyncIteration, Exception), (FileNotFoundError, OSError), (OSError, Exception),
    (IOError, OSError), (EnvironmentError, OSError), (PermissionError, OSError),
    (TimeoutError, OSError), (ConnectionError, OSError), (BrokenPipeError, ConnectionError),
    (Exception, BaseException), (KeyboardInterrupt, BaseException),
    (SystemExit, BaseException), (GeneratorExit, BaseException),
    (KeyboardInterrupt, Exception), (SystemExit, Exception), (AssertionError, Exception),
    (ImportError, Exception), (ModuleNotFoundError, ImportError), (SyntaxError, Exception),
    (IndentationError, SyntaxError), (MemoryError, Exception), (EOFError, Exception),
    (UserWarning, Warning), (DeprecationWarning, Warning), (Warning, Exception),
    (KeyError, IndexError), (BufferError, Exception),
]
for sub, sup in pairs:
    print(f"{sub.__name__:20} {sup.__name__:16} {issubclass(sub, sup)}")
print(IOError is OSError, EnvironmentError is OSError)
print([c.__name__ for c in ZeroDivisionError.__mro__])
print([c.__name__ for c in ModuleNotFoundError.__mro__])
