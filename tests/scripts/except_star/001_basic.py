# except* splits the group: each clause runs once with its part.
def run(exc):
    try:
        raise exc
    except* ValueError as e:
        print("ValueError clause:", repr(e))
    except* TypeError as e:
        print("TypeError clause:", repr(e))
    except* (KeyError, IndexError) as e:
        print("lookup clause:", repr(e))
    print("after try")


run(ExceptionGroup("eg", [ValueError(1), TypeError(2), ValueError(3)]))
run(ExceptionGroup("eg", [KeyError("k"), IndexError(0), ValueError(4)]))
run(ExceptionGroup("nested", [ValueError(1), ExceptionGroup("in", [TypeError(2), ValueError(3)])]))

# a naked exception is wrapped in ExceptionGroup("", [exc]) for the clause
try:
    raise ValueError("naked")
except* ValueError as e:
    print("naked:", repr(e), type(e).__name__, e.exceptions[0].args)
    print("has traceback:", e.__traceback__ is not None)

# nothing matches: the group goes on unchanged
try:
    try:
        raise ExceptionGroup("keep", [OSError(1)])
    except* ValueError:
        print("not reached")
except ExceptionGroup as e:
    print("outer got:", repr(e))

# partly handled: the rest goes on
try:
    try:
        raise ExceptionGroup("part", [ValueError(1), OSError(2), TypeError(3)])
    except* ValueError as e:
        print("handled", repr(e))
except ExceptionGroup as e:
    print("rest:", repr(e))

# the name is unbound after the clause
try:
    raise ExceptionGroup("x", [ValueError()])
except* ValueError as bound:
    pass
try:
    bound
except NameError as e:
    print("NameError:", e)

# naked and unmatched: re-raised as is, not wrapped
try:
    try:
        raise KeyError("plain")
    except* ValueError:
        print("not reached")
except KeyError as e:
    print("plain KeyError:", repr(e))
