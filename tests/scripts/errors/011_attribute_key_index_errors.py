def show(fn):
    try:
        fn()
    except Exception as e:
        print(type(e).__name__ + ":", e, "|", repr(e))
class Foo:
    pass
show(lambda: Foo().x)
show(lambda: (5).foo)
show(lambda: None.attr)
show(lambda: "s".nope)
show(lambda: Foo.missing)
show(lambda: {"a": 1}["b"])
show(lambda: {}[(1, 2)])
show(lambda: {}[None])
show(lambda: {}[1.5])
show(lambda: [1, 2, 3][3])
show(lambda: (1,)[5])
show(lambda: "abc"[10])
show(lambda: [][-1])
show(lambda: b"x"[4])
show(lambda: range(3)[7])
