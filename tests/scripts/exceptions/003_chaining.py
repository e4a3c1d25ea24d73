try:
    try:
        {}["a"]
    except KeyError as e:
        raise ValueError("converted") from e
except ValueError as e:
    print(type(e).__name__, e)
    print("cause:", type(e.__cause__).__name__, e.__cause__)
    print("context is cause:", e.__context__ is e.__cause__)
    print("suppress:", e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise TypeError("during handling")
except TypeError as e:
    print("context:", type(e.__context__).__name__, e.__context__)
    print("cause:", e.__cause__, e.__suppress_context__)
try:
    try:
        raise OSError("x")
    except OSError:
        raise LookupError("no chain") from None
except LookupError as e:
    print(e.__cause__, type(e.__context__).__name__, e.__suppress_context__)
try:
    raise IndexError("plain")
except IndexError as e:
    print(e.__cause__, e.__context__)
