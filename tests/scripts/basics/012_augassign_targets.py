# Augmented assignment to attributes and subscripts: each part evaluated
# once and in order, the protocol methods called in CPython's order, the
# result stored even when __iadd__ returns another object, and errors from
# every step with the right traceback line.
log = []

def note(what, value):
    log.append(what)
    return value


class Box:
    def __init__(self, v):
        self.v = v

    def __iadd__(self, other):
        log.append(f"iadd {other}")
        return Box(self.v + other)

    def __repr__(self):
        return f"Box({self.v})"


class Store:
    def __init__(self):
        self.data = {}

    def __getitem__(self, k):
        log.append(f"get {k!r}")
        return self.data[k]

    def __setitem__(self, k, v):
        log.append(f"set {k!r}={v!r}")
        self.data[k] = v


class Attrs:
    def __getattr__(self, name):
        log.append(f"getattr {name}")
        return 100

    def __setattr__(self, name, value):
        log.append(f"setattr {name}={value!r}")
        object.__setattr__(self, name, value)


s = Store()
s.data["a"] = 1
note("obj", s)[note("key", "a")] += note("value", 41)
print(log, s.data)
log.clear()

s.data[(1, 2)] = Box(1)
s[1, 2] += 5
print(log, s.data[(1, 2)])
log.clear()

a = Attrs()
note("obj", a).x += note("value", 1)
print(log, a.x)
log.clear()
a.x *= 3
print(log, a.x)
log.clear()

b = Box(2)
holder = Box(b)
holder.v += 3
print(log, holder.v, holder.v is b)
log.clear()

nums = [1.5, 2.5, 3.5]
for i in range(3):
    nums[i] *= 2
    nums[-1 - i] -= 0.25
print(nums)

matrix = {"row": [0, 0]}
matrix["row"][1] += 7
print(matrix)

sl = [1, 2, 3, 4]
sl[1:3] += [9]
print(sl)

def fails(make):
    try:
        make()
    except Exception as e:
        tb = e.__traceback__
        while tb.tb_next:
            tb = tb.tb_next
        print(type(e).__name__, e, tb.tb_lineno)

def missing_key():
    d = {}
    d["k"] += 1

def missing_attr():
    o = Box(1)
    o.w += 1

def bad_operand():
    lst = [1]
    lst[0] += "x"

def read_only():
    t = (1, 2)
    t[0] += 1

def bad_index():
    lst = [1]
    lst[5] -= 1

fails(missing_key)
fails(missing_attr)
fails(bad_operand)
fails(read_only)
fails(bad_index)

try:
    x = 1
    x.real += 1
except AttributeError as e:
    print("AttributeError", e)
