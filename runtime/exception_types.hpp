// The builtin exception hierarchy, as one table.
//
// X(Name, Base) in CPython's order; the list feeds the ExceptionTypes struct,
// the interpreter's start-up (one type each, registered in builtins) and
// anything else that must walk every exception type. The tree is CPython
// 3.11's; ExceptionGroup's second base, Exception, is added by
// finish_exception_group_type (runtime/exception_group.cpp).
#pragma once

#define GILT_EXCEPTION_TYPES(X)                \
    X(BaseException, Object)                   \
    X(BaseExceptionGroup, BaseException)       \
    X(GeneratorExit, BaseException)            \
    X(KeyboardInterrupt, BaseException)        \
    X(SystemExit, BaseException)               \
    X(Exception, BaseException)                \
    X(ExceptionGroup, BaseExceptionGroup)      \
    X(ArithmeticError, Exception)              \
    X(FloatingPointError, ArithmeticError)     \
    X(OverflowError, ArithmeticError)          \
    X(ZeroDivisionError, ArithmeticError)      \
    X(AssertionError, Exception)               \
    X(AttributeError, Exception)               \
    X(BufferError, Exception)                  \
    X(EOFError, Exception)                     \
    X(ImportError, Exception)                  \
    X(ModuleNotFoundError, ImportError)        \
    X(LookupError, Exception)                  \
    X(IndexError, LookupError)                 \
    X(KeyError, LookupError)                   \
    X(MemoryError, Exception)                  \
    X(NameError, Exception)                    \
    X(UnboundLocalError, NameError)            \
    X(OSError, Exception)                      \
    X(BlockingIOError, OSError)                \
    X(ChildProcessError, OSError)              \
    X(ConnectionError, OSError)                \
    X(BrokenPipeError, ConnectionError)        \
    X(ConnectionAbortedError, ConnectionError) \
    X(ConnectionRefusedError, ConnectionError) \
    X(ConnectionResetError, ConnectionError)   \
    X(FileExistsError, OSError)                \
    X(FileNotFoundError, OSError)              \
    X(InterruptedError, OSError)               \
    X(IsADirectoryError, OSError)              \
    X(NotADirectoryError, OSError)             \
    X(PermissionError, OSError)                \
    X(ProcessLookupError, OSError)             \
    X(TimeoutError, OSError)                   \
    X(ReferenceError, Exception)               \
    X(RuntimeError, Exception)                 \
    X(NotImplementedError, RuntimeError)       \
    X(RecursionError, RuntimeError)            \
    X(StopAsyncIteration, Exception)           \
    X(StopIteration, Exception)                \
    X(SyntaxError, Exception)                  \
    X(IndentationError, SyntaxError)           \
    X(TabError, IndentationError)              \
    X(SystemError, Exception)                  \
    X(TypeError, Exception)                    \
    X(ValueError, Exception)                   \
    X(UnicodeError, ValueError)                \
    X(UnicodeDecodeError, UnicodeError)        \
    X(UnicodeEncodeError, UnicodeError)        \
    X(UnicodeTranslateError, UnicodeError)     \
    X(Warning, Exception)                      \
    X(BytesWarning, Warning)                   \
    X(DeprecationWarning, Warning)             \
    X(EncodingWarning, Warning)                \
    X(FutureWarning, Warning)                  \
    X(ImportWarning, Warning)                  \
    X(PendingDeprecationWarning, Warning)      \
    X(ResourceWarning, Warning)                \
    X(RuntimeWarning, Warning)                 \
    X(SyntaxWarning, Warning)                  \
    X(UnicodeWarning, Warning)                 \
    X(UserWarning, Warning)
