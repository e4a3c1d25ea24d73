# add_note / __notes__ on every exception (3.11).
e = ValueError("v")
print(hasattr(e, "__notes__"))
e.add_note("one")
e.add_note("two")
print(e.__notes__, e.__dict__)
try:
    e.add_note(3)
except TypeError as err:
    print("TypeError:", err)
e.__notes__ = "not a list"
try:
    e.add_note("x")
except TypeError as err:
    print("TypeError:", err)
g = ExceptionGroup("g", [ValueError()])
g.add_note("group note")
print(g.__notes__)
