errors = []
for fn in (lambda: 1 / 0, lambda: [][0], lambda: {}["k"], lambda: int("x"), lambda: None.x, lambda: undefined_name):
    try:
        fn()
    except Exception as e:
        errors.append(e)
        print(type(e).__name__, e)
print([type(e).__name__ for e in errors])
print([str(e) for e in errors])
