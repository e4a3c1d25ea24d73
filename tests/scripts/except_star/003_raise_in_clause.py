# What leaves the try when clauses raise.
def show(f):
    try:
        f()
    except BaseException as e:
        print(type(e).__name__, repr(e))
        if isinstance(e, BaseExceptionGroup):
            for sub in e.exceptions:
                print("  sub", repr(sub), "context:", repr(sub.__context__))
    else:
        print("nothing raised")


def bare_reraise():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise


def raise_new():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise KeyError("new")


def raise_new_all_handled():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError:
        raise KeyError("only")


def raise_matched_explicitly():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError as e:
        raise e


def two_clauses_raise():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), OSError(3)])
    except* ValueError:
        raise KeyError("from value")
    except* TypeError:
        raise
    except* OSError:
        pass


def naked_then_raise():
    try:
        raise ValueError("naked")
    except* ValueError:
        raise KeyError("replacement")


def naked_bare_reraise():
    try:
        raise ValueError("naked")
    except* ValueError:
        raise


def raise_from():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError as e:
        raise RuntimeError("wrapped") from e


for f in (bare_reraise, raise_new, raise_new_all_handled, raise_matched_explicitly,
          two_clauses_raise, naked_then_raise, naked_bare_reraise, raise_from):
    print("--", f.__name__)
    show(f)

# a clause runs at most once even if its type matches several leaves
count = 0
try:
    raise ExceptionGroup("many", [ValueError(i) for i in range(4)])
except* ValueError as e:
    count += 1
    print(len(e.exceptions))
print("runs:", count)
