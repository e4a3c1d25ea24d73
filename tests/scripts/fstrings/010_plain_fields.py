# f-string fields without a format spec: exact ints and strs are str()'d
# directly, everything else still goes through __format__.
n = 42
big = 10**40
print(f"{n}|{-n}|{big}|{True}|{None}|{3.5}|{n!r}")


class Money(int):
    def __format__(self, spec):
        return f"${int(self)}.00"


class Name(str):
    def __format__(self, spec):
        return self.upper()


print(f"{Money(5)}|{Name('ann')}|{format(Money(7))}|{format(Name('bo'))}")
print(format(12), format(-3), format("x"), format(big))

# joining pieces: empty and one-character results, multi-byte text
e = ""
print(repr(f"{e}"), repr(f"{e}{e}"), repr(f"{e}a{e}"), repr(f"é{e}"), repr(f"{'ü'}{e}"))
print(f"{'€'}{n}{'日本'}", len(f"{'€'}{n}{'日本'}"))
s = f"{e}x"
print(s, len(s))
parts = [f"{w}:{i};" for i, w in enumerate(["a", "bb", "ccc"])]
print("".join(parts))
