class O: pass
class A(O): pass
class B(O): pass
class C(O): pass
class D(O): pass
class E(O): pass
class K1(A, B, C): pass
class K2(D, B, E): pass
class K3(D, A): pass
class Z(K1, K2, K3): pass
print([c.__name__ for c in Z.__mro__])
print([c.__name__ for c in K1.mro()])
class Base:
    def who(self):
        return ["Base"]
class Left(Base):
    def who(self):
        return ["Left"] + super().who()
class Right(Base):
    def who(self):
        return ["Right"] + super().who()
class Diamond(Left, Right):
    def who(self):
        return ["Diamond"] + super().who()
print(Diamond().who())
print([c.__name__ for c in Diamond.__mro__])
try:
    class Bad(A, K1): pass
except TypeError as e:
    print("TypeError:", e)
