# Context: copy_context, run, the mapping interface, re-entrancy.
from contextvars import Context, ContextVar, copy_context

a = ContextVar("a")
b = ContextVar("b", default="b-default")
a.set(1)
ctx = copy_context()
print(len(ctx), a in ctx, b in ctx, ctx[a], ctx.get(b), ctx.get(b, "given"))
print(list(ctx) == [a], ctx.keys() == [a] or list(ctx.keys()) == [a])
print([ (k.name, v) for k, v in ctx.items()], list(ctx.values()))
try:
    ctx[b]
except KeyError as e:
    print("KeyError", e.args[0] is b)
for bad in (1, "a"):
    try:
        ctx[bad]
    except TypeError as e:
        print("TypeError:", e)
try:
    bad in ctx
except TypeError as e:
    print("TypeError:", e)


def inside(x, y=0):
    a.set(a.get() + x + y)
    b.set("changed")
    return a.get(), b.get()


print(ctx.run(inside, 10, y=5))
print("outside:", a.get(), b.get())
print("ctx now:", ctx[a], ctx[b], len(ctx))
print(ctx.run(inside, 1))

fresh = Context()
print(len(fresh), fresh.run(lambda: a.get("none here")))
try:
    Context(1)
except TypeError as e:
    print("TypeError:", e)


def reenter():
    ctx.run(lambda: None)


try:
    ctx.run(reenter)
except RuntimeError as e:
    print("RuntimeError", str(e).startswith("cannot enter context: <_contextvars.Context object at 0x"),
          str(e).endswith("is already entered"))

# An exception inside run leaves the context again.
def fails():
    a.set(99)
    raise ValueError("inside")


try:
    ctx.run(fails)
except ValueError as e:
    print("ValueError", e, a.get(), ctx[a])
print(ctx.run(lambda: 7))

# reset with a token from another context
t = a.set(5)
try:
    Context().run(a.reset, t)
except ValueError as e:
    print("ValueError", str(e).endswith("was created in a different Context"))
a.reset(t)
print(a.get())

# copies are independent
c1 = copy_context()
c2 = c1.copy()
c1.run(a.set, 100)
print(c1[a], c2[a], a.get())
try:
    ctx.run()
except TypeError as e:
    print("TypeError")

# equality compares the variables; contexts are unhashable
e1, e2 = copy_context(), copy_context()
print(e1 == e2, e1 != e2, e1 == 1, Context() == Context())
e1.run(a.set, -1)
print(e1 == e2)
try:
    hash(e1)
except TypeError as e:
    print("TypeError:", e)
