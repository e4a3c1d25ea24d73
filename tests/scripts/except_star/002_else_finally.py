# else and finally with except*.
def attempt(exc):
    try:
        if exc is not None:
            raise exc
        print("body ok")
    except* ValueError as e:
        print("clause", repr(e))
    else:
        print("else")
    finally:
        print("finally")


attempt(None)
attempt(ExceptionGroup("g", [ValueError(1)]))
try:
    attempt(ExceptionGroup("g", [ValueError(1), TypeError(2)]))
except ExceptionGroup as e:
    print("escaped:", repr(e))


def in_function():
    for i in range(3):
        try:
            if i == 1:
                raise ExceptionGroup("loop", [ValueError(i)])
        except* ValueError as e:
            print("loop clause", i, repr(e))
        else:
            print("loop else", i)
    return "done"


print(in_function())


def nested_try():
    try:
        try:
            raise ExceptionGroup("n", [ValueError(1), TypeError(2)])
        except* ValueError:
            print("inner ValueError")
        finally:
            print("inner finally")
    except* TypeError as e:
        print("outer TypeError", repr(e))


nested_try()

# sys.exc_info() inside a clause is the matched part
import sys
try:
    raise ExceptionGroup("info", [ValueError(1), TypeError(2)])
except* ValueError:
    print("exc_info:", repr(sys.exc_info()[1]))
except* TypeError:
    print("exc_info:", repr(sys.exc_info()[1]))
print("after:", sys.exc_info())
