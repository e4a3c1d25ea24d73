def worker():
    try:
        while True:
            try:
                x = yield
                print("got", x)
            except ValueError as e:
                print("handled", e)
                yield "recovered"
    finally:
        print("cleanup")
w = worker()
next(w)
w.send(1)
print(w.throw(ValueError("bad")))
next(w)
w.send(2)
w.close()
print("closed")
try:
    w.send(3)
except StopIteration:
    print("send after close: StopIteration")
def g2():
    try:
        yield 1
    except GeneratorExit:
        print("GeneratorExit seen")
        raise
gen = g2()
next(gen)
gen.close()
def g3():
    yield 1
gen = g3()
try:
    gen.throw(KeyError("k"))
except KeyError as e:
    print("propagated", repr(e))
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)
