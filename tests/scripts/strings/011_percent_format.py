print("%s is %d years" % ("Bob", 42))
print("%5s|%-5s|%05d|%x|%X|%o|%e|%.2f|%10.3f|%-8.1f|" % ("a", "b", 42, 255, 255, 8, 1234.5, 3.14159, 2.5, 1.25))
print("%r %s" % ("x", "x"), "%c%c" % (72, "i"), "100%%")
print("%(name)s=%(val)d" % {"name": "k", "val": 7})
print("%s" % [1, 2], "%s" % (1,), "%d%%" % 50)
print("%+d % d %i" % (5, 5, -3), "%.3s" % "abcdef", "%*d" % (5, 42))
try:
    "%d" % "x"
except TypeError as e:
    print("TypeError:", e)
try:
    "%s %s" % ("one",)
except TypeError as e:
    print("TypeError:", e)
print("%g %g %G" % (0.00001, 123456789.0, 1e-10))
