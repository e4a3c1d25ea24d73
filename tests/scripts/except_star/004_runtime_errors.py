# except* with a group type, or a non-exception type, is a TypeError at run time.
for spec in (ExceptionGroup, BaseExceptionGroup, (ValueError, ExceptionGroup), int, (ValueError, 3)):
    try:
        try:
            raise ExceptionGroup("eg", [ValueError(1)])
        except* spec:
            print("not reached")
    except TypeError as e:
        print("TypeError:", e)
        print("  context:", repr(e.__context__))


class MyGroup(ExceptionGroup):
    pass


try:
    try:
        raise ValueError(1)
    except* MyGroup:
        pass
except TypeError as e:
    print("TypeError:", e)
