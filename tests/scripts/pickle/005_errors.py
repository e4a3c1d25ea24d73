# What cannot be pickled, and what bad input does to the unpickler.
import pickle
import threading


def show(fn):
    try:
        r = fn()
    except Exception as e:
        msg = str(e)
        if " at 0x" in msg:
            head, _, rest = msg.partition(" at 0x")
            msg = head + " at 0x..." + rest[rest.index(">"):]
        print(type(e).__name__, msg)
    else:
        print("ok", repr(r)[:60])


def outer():
    def local():
        pass
    return local


show(lambda: pickle.dumps(lambda: 0))
show(lambda: pickle.dumps(outer()))
try:
    pickle.dumps(threading.Lock())
except TypeError as e:
    print("TypeError", str(e).startswith("cannot pickle '") and "lock" in str(e))
show(lambda: pickle.dumps(1, 6))
print(issubclass(pickle.PicklingError, pickle.PickleError), issubclass(pickle.PickleError, Exception))
print(pickle.PicklingError.__module__, pickle.UnpicklingError.__name__)


class BadReduce:
    def __reduce__(self):
        return 42


class ShortReduce:
    def __reduce__(self):
        return (BadReduce,)


class NotCallable:
    def __reduce__(self):
        return (1, ())


class Named:
    def __reduce__(self):
        return "no_such_global"


show(lambda: pickle.dumps(BadReduce()))
show(lambda: pickle.dumps(ShortReduce()))
show(lambda: pickle.dumps(NotCallable()))
show(lambda: pickle.dumps(Named()))

show(lambda: pickle.loads(b""))
show(lambda: pickle.loads(b"\x80\x04\x95"))
show(lambda: pickle.loads(b"\x80\x06N."))
show(lambda: pickle.loads(b"Z"))
show(lambda: pickle.loads(b"\xff"))
show(lambda: pickle.loads(b"N"))
show(lambda: pickle.loads(b"."))
show(lambda: pickle.loads(b"a."))
show(lambda: pickle.loads(b"h\x05."))
show(lambda: pickle.loads(b"]K\x01K\x02e."))
show(lambda: pickle.loads(b"(K\x01K\x02K\x03d."))
show(lambda: pickle.loads(b"\x8d\xff\xff\xff\xff\xff\xff\xff\x7f"))
show(lambda: pickle.loads(b"]K\x01"))
show(lambda: pickle.loads(b"\x80\x04\x95\x05\x00\x00\x00\x00\x00\x00\x00N"))
show(lambda: pickle.loads(b"X\xff\xff\xff\xffabc"))
show(lambda: pickle.loads(b"\x8a\xff\xff"))
show(lambda: pickle.loads("N."))
show(lambda: pickle.loads(b"cbuiltins\nno_such_name\n."))
show(lambda: pickle.loads(b"cno_such_module_xyz\nthing\n."))
show(lambda: pickle.loads(b"N.trailing garbage"))
show(lambda: pickle.loads(b"P1\n."))
show(lambda: pickle.loads(b"I12x\n."))
