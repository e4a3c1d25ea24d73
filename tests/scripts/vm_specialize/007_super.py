# super() calls made without a super object's bound method: what they find
# must be what CPython finds, whatever lies past the class in the MRO.


class Base:
    def m(self):
        return "Base.m"

    @property
    def p(self):
        return "Base.p"

    @classmethod
    def cm(cls):
        return "Base.cm of " + cls.__name__

    @staticmethod
    def sm(x):
        return "Base.sm " + str(x)

    attr = "Base.attr"


class Left(Base):
    def m(self):
        return "Left>" + super().m()


class Right(Base):
    def m(self):
        return "Right>" + super().m()


class Diamond(Left, Right):
    def m(self):
        return "Diamond>" + super().m()

    def others(self):
        return [super().p, super().cm(), super().sm(1), super().attr, super().__class__.__name__]

    @classmethod
    def from_class(cls):
        return super().cm()


d = Diamond()
for _ in range(3):
    print(d.m())
print(d.others())
print(Diamond.from_class())
print(super(Left, d).m(), super(Diamond, d).m())

# A method replaced in a base after the super() site warmed up.
Right.m = lambda self: "Right.m replaced"
print(d.m())
del Right.m
print(d.m())


# A method called through super() that is a callable object, not a function.
class CallableAttr:
    def __call__(self, *args):
        return ("CallableAttr called", len(args))


class WithCallable(Base):
    m = CallableAttr()


class Sub(WithCallable):
    def m(self):
        return super().m()


print(Sub().m())


# A missing name through super() still raises CPython's error.
class Lonely:
    def f(self):
        return super().nothing()


try:
    Lonely().f()
except AttributeError as e:
    print("AttributeError:", e)


# `super` rebound globally is called as whatever it now is.
class Shadow(Base):
    def m(self):
        return super().m()


real_super = super
super = lambda *args: Base()  # noqa: A001
print(Shadow().m())
del super
print(Shadow().m())


# super() in __init__ chains, with keyword arguments and defaults.
class A:
    def __init__(self, x, *, scale=1):
        self.x = x * scale


class B(A):
    def __init__(self, x, scale=3):
        super().__init__(x, scale=scale)


class C(B):
    def __init__(self, x):
        super().__init__(x)
        self.y = self.x + 1


print([(C(i).x, C(i).y) for i in range(4)], B(2, 5).x)


# super() whose second argument is not an instance of the first.
try:
    super(C, 5)
except TypeError as e:
    print("TypeError:", e)
