for s in ["a", "abc", "abcdef"]:
    print(repr(s.center(7)), repr(s.center(6, "*")), repr(s.ljust(5, ".")), repr(s.rjust(5)), repr(s.zfill(5)))
print("42".zfill(5), "-42".zfill(5), "+7".zfill(4), "abc".zfill(2))
print("|" + "x".center(4) + "|", "|" + "xy".center(5) + "|")
print("a\tb\tc".expandtabs(), "a\tb\tc".expandtabs(4), "ab\tc\n12345\td".expandtabs(3))
print(repr("Straße".casefold()))
