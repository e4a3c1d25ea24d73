# What an uncaught exception looks like after except* clauses raised.
def work():
    try:
        raise ExceptionGroup("work", [ValueError(1), TypeError(2), OSError(3)])
    except* ValueError:
        raise KeyError("raised in clause")
    except* TypeError:
        raise


work()
