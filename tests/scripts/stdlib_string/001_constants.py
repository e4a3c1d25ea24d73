import string

for name in ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "digits", "hexdigits",
             "octdigits", "punctuation", "whitespace", "printable"]:
    print(name, repr(getattr(string, name)))
print(string.capwords("hello   big\tworld"), string.capwords("  x  "), repr(string.capwords("")))
print(string.capwords("a-b-c dD", "-"), string.capwords("one,two,,three", ","), string.capwords("ÉLAN vital"))
print(sorted(string.__all__))
