s = "  the quick  brown fox  "
print(s.split())
print(s.split(" "))
print("a,b,,c".split(","), "a,b,,c".split(",", 1))
print("a,b,c".rsplit(",", 1), "a b c d".rsplit(None, 2))
print("".split(), "".split(","), "abc".split("abc"))
print("-".join(["x", "y", "z"]), "".join("abc"), ", ".join(str(i) for i in range(3)))
print("1::2::3".split("::"))
try:
    "a".split("")
except ValueError as e:
    print("ValueError:", e)
try:
    "-".join([1, 2])
except TypeError as e:
    print("TypeError:", e)
print("line1\nline2\r\nline3".split("\n"))
print("x".join("") == "", " ".join(["only"]))
