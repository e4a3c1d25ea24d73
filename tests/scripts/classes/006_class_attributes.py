class Config:
    debug = False
    items = []
    def add(self, x):
        self.items.append(x)
a, b = Config(), Config()
a.add(1); b.add(2)
print(Config.items, a.items is b.items)
a.debug = True
print(a.debug, b.debug, Config.debug)
Config.debug = "changed"
print(a.debug, b.debug)
del a.debug
print(a.debug)
class Counter:
    instances = 0
    def __init__(self):
        type(self).instances += 1
for _ in range(3):
    Counter()
print(Counter.instances)
print("items" in Config.__dict__, "add" in Config.__dict__)
class WithBody:
    x = 1
    y = x + 1
    z = [i * 2 for i in range(3)]
print(WithBody.y, WithBody.z)
setattr(Config, "new_attr", 5)
print(a.new_attr, getattr(b, "new_attr"))
