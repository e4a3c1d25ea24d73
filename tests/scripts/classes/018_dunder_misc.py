class Money:
    def __init__(self, cents):
        self.cents = cents
    def __int__(self):
        return self.cents // 100
    def __float__(self):
        return self.cents / 100
    def __index__(self):
        return self.cents
    def __format__(self, spec):
        return f"${self.cents / 100:{spec or '.2f'}}"
    def __round__(self, n=None):
        return Money(round(self.cents, -2))
m = Money(1999)
print(int(m), float(m), f"{m}", f"{m:.1f}", format(m, ".3f"))
print(round(m).cents)
print([10, 20, 30][Money(1)], hex(Money(255)))
print("abcdef"[Money(1):Money(3)])
