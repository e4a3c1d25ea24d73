# except* on a user group class: the parts are made by its derive().
class Errors(ExceptionGroup):
    def __new__(cls, message, excs, code=0):
        obj = super().__new__(cls, message, excs)
        obj.code = code
        return obj

    def derive(self, excs):
        return Errors(self.message, excs, self.code)


try:
    try:
        raise Errors("job", [ValueError(1), TypeError(2), Errors("sub", [ValueError(3)], 5)], 7)
    except* ValueError as e:
        print(type(e).__name__, e.code, repr(e))
        print(type(e.exceptions[1]).__name__, e.exceptions[1].code)
except Errors as rest:
    print("rest:", type(rest).__name__, rest.code, repr(rest))


class Tagged(ExceptionGroup, ValueError):
    pass


try:
    raise Tagged("tagged", [KeyError(1)])
except* ValueError as e:
    print("whole group matched:", type(e).__name__, repr(e))
