# golden-python: 3.14
# concurrent.interpreters (PEP 734) is new in CPython 3.14, so python3 3.11
# cannot produce this expectation: the .out follows CPython 3.14's documented
# behaviour and was checked by hand, line by line.
# Interpreter.call: builtins and module functions, functions of __main__
# (found by running this script under the name "<fake __main__>" in the
# other interpreter, so the block under the __name__ guard does not run
# there), arguments and results copied, exceptions as ExecutionFailed.
import threading

from concurrent import interpreters

COUNT = 0


def square_sum(n, *, offset=0):
    return sum(i * i for i in range(n)) + offset


def where():
    return __name__


def bump():
    global COUNT
    COUNT += 1
    return COUNT


def fail(message):
    raise KeyError(message)


def make_list(n):
    return [i * 2 for i in range(n)]


if __name__ == "__main__":
    interp = interpreters.create()
    print(interp.call(pow, 3, 4), interp.call(divmod, 17, 5))
    print(interp.call(square_sum, 10), interp.call(square_sum, 10, offset=1000))
    print(interp.call(where))
    # The other interpreter has its own copy of COUNT.
    print(interp.call(bump), interp.call(bump), bump(), COUNT)
    # Results that are not shareable come back as copies (pickled).
    result = interp.call(make_list, 4)
    print(type(result).__name__, result)
    print(interp.call(dict, a=1, b=(2, 3)))
    try:
        interp.call(fail, "missing")
    except interpreters.ExecutionFailed as e:
        print(type(e).__name__, e.excinfo.type.__name__, e.excinfo.msg)
    try:
        interp.call(print, threading.Lock())
    except interpreters.NotShareableError as e:
        print(type(e).__name__, isinstance(e, TypeError))
    print(interp.is_running())
    # call_in_thread returns the started thread.
    t = interp.call_in_thread(square_sum, 5)
    print(isinstance(t, threading.Thread))
    t.join()
    print(t.is_alive())
    interp.close()
