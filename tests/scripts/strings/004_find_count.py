s = "mississippi"
print(s.find("ss"), s.find("ss", 3), s.find("zz"), s.rfind("ss"), s.rfind("i"))
print(s.index("p"), s.rindex("s"), s.count("s"), s.count("ss"), s.count(""))
print(s.find("i", 2, 5), s.count("i", 0, 5), s.find(""), s.rfind(""))
try:
    s.index("z")
except ValueError as e:
    print("ValueError:", e)
try:
    s.rindex("z")
except ValueError as e:
    print("ValueError:", e)
print(s.startswith("miss"), s.startswith("iss", 1), s.endswith("pi"), s.endswith(("x", "pi")))
print(s.startswith(("a", "m")), "".startswith(""), s.endswith("ss", 0, 4))
print(s.replace("ss", "SS"), s.replace("i", "I", 2), s.replace("", "-")[:10])
print("aaa".replace("a", "aa"), "abc".replace("x", "y"))
