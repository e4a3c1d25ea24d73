# The TypeErrors and ValueErrors a bad __slots__ raises.
def attempt(label, bases, ns):
    try:
        cls = type("A", bases, ns)
        print(label, "ok", sorted(k for k in cls.__dict__ if not k.startswith("__")))
    except (TypeError, ValueError) as e:
        print(label, type(e).__name__, e)


class P:
    pass


class S1:
    __slots__ = ("a",)


attempt("int", (), {"__slots__": 1})
attempt("int item", (), {"__slots__": (1,)})
attempt("not identifier", (), {"__slots__": ("1a",)})
attempt("dash", (), {"__slots__": ("a-b",)})
attempt("dup dict", (), {"__slots__": ("__dict__", "__dict__")})
attempt("dup weakref", (), {"__slots__": ("__weakref__", "__weakref__")})
attempt("dict on dict", (P,), {"__slots__": ("__dict__",)})
attempt("weakref on weakref", (P,), {"__slots__": ("__weakref__",)})
attempt("int subclass", (int,), {"__slots__": ("a",)})
attempt("tuple subclass", (tuple,), {"__slots__": ("a",)})
attempt("bytes subclass", (bytes,), {"__slots__": ("a",)})
attempt("int empty", (int,), {"__slots__": ()})
attempt("tuple dict", (tuple,), {"__slots__": ("__dict__",)})
attempt("conflict", (), {"__slots__": ("a",), "a": 1})
attempt("layout", (S1, type("S2", (), {"__slots__": ("b",)})), {})
attempt("list slots", (list,), {"__slots__": ("a",)})
attempt("dict slots", (dict,), {"__slots__": ("a", "__weakref__")})


class L(list):
    __slots__ = ("tag",)


l = L([1, 2])
l.tag = "t"
print(l, l.tag, hasattr(l, "__dict__"))
try:
    l.other = 1
except AttributeError as e:
    print("AttributeError:", e)


class E(Exception):
    __slots__ = ("code",)


e = E("msg")
e.code = 3
print(e, e.code, e.args)
