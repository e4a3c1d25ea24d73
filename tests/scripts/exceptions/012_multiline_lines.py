# Which line a traceback names when a call, a method call or an attribute
# access spans several lines: CPython 3.11 names the call's first line for a
# plain call and the line the name ends on for attributes and methods.
def lines(exc):
    out = []
    tb = exc.__traceback__
    while tb:
        out.append(tb.tb_lineno)
        tb = tb.tb_next
    return out


def boom(*args, **kwargs):
    raise ValueError("boom")


class Chain:
    def step(self, *args, **kwargs):
        return self

    def fail(self, *args):
        raise KeyError("fail")


def attempt(name, thunk):
    try:
        thunk()
    except Exception as e:
        print(name, type(e).__name__, lines(e))


def plain_call():
    boom(1,
         2,
         3)

def keyword_call():
    boom(
        a=1,
        b=2)

def star_call():
    boom(*[1, 2],
         **{"k": 3})

def method_call():
    c = Chain()
    c.fail(
        1)

def fluent():
    c = Chain()
    (c.step()
      .step(1)
      .fail(2,
            3))

def attribute_load():
    c = Chain()
    return (c
            .missing)

def attribute_store():
    n = None
    (n
     ).x = 5

def attribute_delete():
    c = Chain()
    del (c
         .nothing)

def nested_arg_fails():
    boom(1,
         [].pop(),
         3)

for name, f in [("plain", plain_call), ("keyword", keyword_call), ("star", star_call),
                ("method", method_call), ("fluent", fluent), ("load", attribute_load),
                ("store", attribute_store), ("delete", attribute_delete), ("nested", nested_arg_fails)]:
    attempt(name, f)
