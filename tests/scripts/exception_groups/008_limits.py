# More than 15 members, and groups nested deeper than 10.
def deep(n):
    eg = ValueError("leaf")
    for i in range(n):
        eg = ExceptionGroup(f"level {i}", [eg])
    return eg


wide = ExceptionGroup("wide", [ValueError(i) for i in range(17)])
raise ExceptionGroup("top", [wide, deep(12), BaseExceptionGroup("no tb", [KeyboardInterrupt()])])
