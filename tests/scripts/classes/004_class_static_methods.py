class Temp:
    unit = "C"
    count = 0
    def __init__(self, deg):
        self.deg = deg
        Temp.count += 1
    @classmethod
    def from_f(cls, f):
        return cls(round((f - 32) * 5 / 9, 2))
    @staticmethod
    def valid(deg):
        return deg > -273.15
    @classmethod
    def describe(cls):
        return f"{cls.__name__} in {cls.unit}"
t = Temp.from_f(212)
print(t.deg, type(t).__name__)
print(Temp.valid(-300), t.valid(20))
print(Temp.describe(), t.describe())
class Sub(Temp):
    unit = "K"
s = Sub.from_f(32)
print(type(s).__name__, s.deg, Sub.describe())
print(Temp.count)
sm = Temp.__dict__["valid"]
print(type(sm).__name__, type(Temp.__dict__["from_f"]).__name__)
