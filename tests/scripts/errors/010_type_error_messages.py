def show(fn):
    try:
        fn()
    except Exception as e:
        print(type(e).__name__ + ":", e)
def one(a):
    return a
def kw(a, *, b):
    return a
show(lambda: 1 + "a")
show(lambda: "a" + 1)
show(lambda: [1] + (2,))
n, s, none, lst = 5, "s", None, [1, 2]
show(lambda: n())
show(lambda: s())
show(lambda: one(1, 2))
show(lambda: one())
show(lambda: one(1, c=2))
show(lambda: kw(1, 2))
show(lambda: none[0])
show(lambda: n[0])
show(lambda: {[1]: 2})
show(lambda: {[1]})
show(lambda: len(5))
show(lambda: 1 < "a")
show(lambda: -"s")
show(lambda: "a" * "b")
show(lambda: lst["x"])
show(lambda: int([]))
show(lambda: iter(None))
show(lambda: sum(["a", "b"]))
