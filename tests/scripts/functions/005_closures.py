def make_counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
c1, c2 = make_counter(), make_counter()
print(c1(), c1(), c1(), c2())
funcs = []
for i in range(3):
    funcs.append(lambda: i)
print([f() for f in funcs])
funcs = [(lambda i=i: i) for i in range(3)]
print([f() for f in funcs])
def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner
    x = "changed"
    return middle()()
print(outer())
def acc(start):
    total = start
    def add(n):
        nonlocal total
        total += n
        return total
    def get():
        return total
    return add, get
add, get = acc(100)
add(5); add(7)
print(get())
def shadow():
    x = 1
    def f():
        x = 2
        return x
    return f(), x
print(shadow())
