class Tracked:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("finalizing", self.name)
t = Tracked("a")
del t
print("after del a")
def scope():
    x = Tracked("local")
    print("leaving scope")
scope()
print("after scope")
lst = [Tracked("in-list")]
lst.clear()
print("after clear")
t2 = Tracked("rebound")
t2 = None
print("end")
