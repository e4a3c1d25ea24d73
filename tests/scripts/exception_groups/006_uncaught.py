def f():
    raise ValueError("v")
def g():
    excs = []
    for fn in (f,):
        try:
            fn()
        except Exception as e:
            excs.append(e)
    try:
        raise KeyError("k")
    except KeyError as k:
        excs.append(k)
    excs.append(ExceptionGroup("inner", [TypeError("t"), OSError(2, "x")]))
    e = ExceptionGroup("outer", excs)
    e.add_note("a note")
    raise e
g()
