# `return f()` inside try/except inside try/finally: an exception from f()
# goes to the except clause first (asyncio.Runner.run has this shape; the
# handler lookup once picked the finally's handler for it).
def work():
    raise KeyError("x")


def ok():
    return 5


def both():
    try:
        return work()
    except KeyError:
        return "caught"
    finally:
        print("finally runs")


def value_then_return():
    try:
        x = work()
        return x
    except KeyError as e:
        return f"caught {e}"
    finally:
        pass


def normal():
    try:
        return ok()
    except KeyError:
        return "no"
    finally:
        print("finally after a normal return")


def nested():
    for i in range(2):
        try:
            try:
                return work()
            except KeyError:
                if i == 0:
                    continue
                return "second round"
            finally:
                print("inner finally", i)
        finally:
            print("outer finally", i)


for f in (both, value_then_return, normal, nested):
    print(f.__name__, f())
