def show(fn):
    try:
        fn()
    except Exception as e:
        print(type(e).__name__ + ":", e)
def unpack2():
    a, b = [1, 2, 3]
def unpack3():
    a, b, c = [1, 2]
def unpack_str():
    x, y = "abc"
show(lambda: int("abc"))
show(lambda: int("12.5"))
show(lambda: float("x1"))
show(lambda: [1, 2].remove(3))
show(unpack2)
show(unpack3)
show(unpack_str)
show(lambda: [].index(1))
show(lambda: "abc".index("z"))
show(lambda: int("5", 1))
show(lambda: chr(0x110000))
show(lambda: list(zip([1], [], strict=True)))
show(lambda: "{}{}".format(1))
show(lambda: "a".center(5, "xy"))
