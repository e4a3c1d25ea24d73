def show(fn):
    try:
        fn()
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
show(lambda: 1 / 0)
show(lambda: 1 // 0)
show(lambda: 1 % 0)
show(lambda: 1.0 / 0)
show(lambda: 1.5 // 0.0)
show(lambda: 5 % 0.0)
show(lambda: divmod(3, 0))
show(lambda: 0 ** -1)
show(lambda: (2 ** 100) // 0)
x = 0
print(10 / x)
