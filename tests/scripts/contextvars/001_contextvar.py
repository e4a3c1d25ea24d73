# ContextVar get/set/reset and Token.
import contextvars
from contextvars import ContextVar, Token

v = ContextVar("v")
d = ContextVar("d", default=10)
print(v.name, d.name)
try:
    v.get()
except LookupError as e:
    print("LookupError", e.args[0] is v)
print(v.get("fallback"), d.get(), d.get(5))
t1 = v.set(1)
print(v.get(), t1.var is v, t1.old_value is Token.MISSING, repr(Token.MISSING))
t2 = v.set(2)
print(v.get(), t2.old_value)
v.reset(t2)
print(v.get())
v.reset(t1)
print(v.get("unset again"))
try:
    v.reset(t1)
except RuntimeError as e:
    print("RuntimeError", str(e).startswith("<Token used var=<ContextVar name='v' at 0x"),
          str(e).endswith("> has already been used once"))
w = ContextVar("w")
tw = w.set(1)
try:
    v.reset(tw)
except ValueError as e:
    print("ValueError", str(e).endswith("was created by a different ContextVar"))
try:
    v.reset(1)
except TypeError as e:
    print("TypeError:", e)
try:
    ContextVar(1)
except TypeError as e:
    print("TypeError:", e)
try:
    ContextVar()
except TypeError as e:
    print("TypeError")
try:
    Token()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    class Sub(ContextVar):
        pass
except TypeError as e:
    print("TypeError subclass")
print(repr(d).startswith("<ContextVar name='d' default=10 at 0x"))
print(repr(v).startswith("<ContextVar name='v' at 0x"))
print(repr(t1).startswith("<Token used var=<ContextVar name='v' at "))
print(ContextVar[int], Token[str])
try:
    contextvars.Context[int]
except TypeError as e:
    print("TypeError: Context is not subscriptable")
print(ContextVar.__module__, type(Token.MISSING).__name__, type(Token.MISSING))
print(sorted(contextvars.__all__))
try:
    v.name = "x"
except AttributeError:
    print("AttributeError")
