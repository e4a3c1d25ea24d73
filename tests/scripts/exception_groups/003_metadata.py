# split() copies traceback, cause, context and notes to the groups it builds.
def make():
    try:
        try:
            raise KeyError("ctx")
        except KeyError:
            raise ExceptionGroup("eg", [ValueError(1), TypeError(2)]) from OSError("cause")
    except ExceptionGroup as e:
        return e

eg = make()
eg.add_note("first note")
match, rest = eg.split(ValueError)
for part in (match, rest):
    print(repr(part))
    print(" tb same:", part.__traceback__ is eg.__traceback__)
    print(" cause:", repr(part.__cause__), part.__cause__ is eg.__cause__)
    print(" context:", repr(part.__context__), part.__context__ is eg.__context__)
    print(" suppress:", part.__suppress_context__)
    print(" notes:", part.__notes__, part.__notes__ is eg.__notes__)
match.add_note("only on match")
print(eg.__notes__, match.__notes__, rest.__notes__)

plain = ExceptionGroup("plain", [ValueError(), TypeError()])
m, r = plain.split(ValueError)
print(hasattr(m, "__notes__"), m.__suppress_context__, plain.__suppress_context__)

odd = ExceptionGroup("odd", [ValueError(), TypeError()])
odd.__notes__ = 42
m, r = odd.split(ValueError)
print(hasattr(m, "__notes__"))
t = ExceptionGroup("tuple-notes", [ValueError(), TypeError()])
t.__notes__ = ("a", "b")
print(t.split(ValueError)[0].__notes__)
