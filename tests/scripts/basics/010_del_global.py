x = 1
del x
try:
    print(x)
except NameError as e:
    print("NameError:", e)
lst = [0, 1, 2, 3, 4, 5]
del lst[0]
print(lst)
del lst[1:3]
print(lst)
del lst[::2]
print(lst)
d = {"a": 1, "b": 2}
del d["a"]
print(d)
class O: pass
o = O()
o.attr = 1
del o.attr
print(hasattr(o, "attr"))
a, b = 1, 2
del a, b
print("a" in globals(), "b" in globals())
counter = 0
def bump():
    global counter
    counter += 1
for _ in range(3):
    bump()
print(counter)
def make():
    global created
    created = "yes"
make()
print(created)
