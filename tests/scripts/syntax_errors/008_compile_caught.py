for src in ["x = = 1", "def f(:\n  pass", "return 5", "1 +", "a = 1\n  b = 2"]:
    try:
        compile(src, "<test>", "exec")
        print("compiled", repr(src))
    except SyntaxError as e:
        print(type(e).__name__, "line", e.lineno, e.filename)
