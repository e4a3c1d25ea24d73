# __getattr__, __getattribute__, __setattr__ and __delattr__ overrides.
class G:
    def __init__(self):
        self.real = 1

    def __getattr__(self, name):
        return "fallback:" + name


g = G()
print(g.real, g.missing, getattr(g, "other"), vars(g))


class GA:
    def __init__(self):
        self.a = 1

    def __getattribute__(self, name):
        if name == "secret":
            return "intercepted"
        return object.__getattribute__(self, name)


ga = GA()
print(ga.a, ga.secret, vars(ga))


class Logged:
    def __init__(self):
        self.x = 1

    def __setattr__(self, name, value):
        print("set", name, value)
        object.__setattr__(self, name, value * 2)

    def __delattr__(self, name):
        print("del", name)
        object.__delattr__(self, name)


lg = Logged()
lg.y = 5
print(lg.x, lg.y, vars(lg))
del lg.x
print(vars(lg))
try:
    del lg.nope
except AttributeError as e:
    print("AttributeError:", e)


class Frozen:
    def __init__(self, v):
        object.__setattr__(self, "v", v)

    def __setattr__(self, name, value):
        raise AttributeError(f"frozen: {name}")


f = Frozen(3)
print(f.v)
try:
    f.v = 4
except AttributeError as e:
    print("AttributeError:", e)
object.__setattr__(f, "w", 9)
print(vars(f))
print(object.__getattribute__(f, "w"))
try:
    object.__getattribute__(f, "nothing")
except AttributeError as e:
    print("AttributeError:", e)
